// Array sizes for the GPU models, chosen from the device's own L2 cache (the host's caches
// say nothing about a GPU's): one point that fits L2, one of at least 4x L2 per array.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "idiombench/params.hpp"

namespace idiombench::compute {

// The models whose variants run on a CUDA device.
const std::vector<std::string>& device_models();

// Device 0's L2 in bytes; without a device, an assumed 50 MiB (an H100's), so that plans
// and listings still show what would run.
std::int64_t device_l2_bytes();

// Elements per array: `arrays` arrays together fill half of L2, and 4x L2 per array
// (at least `at_least`).
std::int64_t elements_in_device_l2(int arrays);
std::int64_t elements_beyond_device_l2(std::int64_t at_least = 0);

// The `n` axes of a case measured on host and device: `host_sizes` for every model but the
// device ones, the two device points for those.
ParamGrid host_and_device_sizes(const std::vector<std::int64_t>& host_sizes, int arrays);

}  // namespace idiombench::compute
