// The runner's side of the kokkos_cuda unit: finds it, loads it once a CUDA device is
// known to be present, and turns its error messages into exceptions.
#pragma once

#include <string>

#include "kokkos_cuda/unit_api.hpp"

namespace idiombench::compute::kokkos_cuda {

// Empty when a device is present and the unit loaded; otherwise why not (not built, no
// device, the library not found or from another build).
std::string why_unavailable();

// Where the unit is looked for first (the file that is or would be loaded).
std::string unit_location();

// The Kokkos the loaded unit was built with, without starting it ("" when not loaded).
std::string describe_unit();

// The loaded unit, Kokkos started on the device (once per process). Throws when
// why_unavailable() is not empty.
const UnitApi& unit();

// Throws std::runtime_error with the unit's message when a call failed.
void check(const char* error);

}  // namespace idiombench::compute::kokkos_cuda
