// What the CUDA runtime says about this machine, behind a plain interface: nvcc builds
// cuda_devices.cu as C++17, without the harness headers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace idiombench::compute {

struct CudaDevices {
  std::string runtime_version;
  std::string driver_version;        // "none" without a driver
  std::vector<std::string> devices;  // "NVIDIA H100 (compute 9.0, 79.1 GiB, 132 SMs)"
  std::string why_unavailable;       // empty when a device can be used
  // Device 0's L2 cache, and its memory's theoretical bandwidth from the device's
  // attributes (2 x memory clock x bus width): 0 without a device or the attributes.
  std::int64_t l2_bytes = 0;
  double theoretical_bytes_per_second = 0;
};

CudaDevices describe_cuda_devices();

// Empty when a CUDA device can be used; otherwise why not ("no CUDA device: ...").
std::string why_no_cuda_device();

}  // namespace idiombench::compute
