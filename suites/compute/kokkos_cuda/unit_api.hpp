// The interface between the runner and the kokkos_cuda unit, a shared library built by
// nvcc_wrapper against a CUDA-enabled Kokkos (unit.cpp). The runner loads it only where a
// CUDA device is present: a CUDA Kokkos links the driver and aborts without a device.
//
// Plain types only, so that neither side sees the other's headers. Every call returns
// nullptr on success or an error message (valid until the next call).
#pragma once

#include <cstddef>
#include <cstdint>

namespace idiombench::compute::kokkos_cuda {

// Raised when the layout of UnitApi changes: a unit from another build is refused.
inline constexpr int kUnitAbiVersion = 1;

enum class MapKernel : int { copy, scale, add, triad };

// `verifying`: the untimed verification run. The unit uploads the inputs then (and
// whenever the input changes), poisons the device output, and copies the output back.
// Timed runs work on the resident device copies and bring back only a scalar result.
struct UnitApi {
  int abi_version;
  // "5.0.2 (Cuda, HOPPER90)": the Kokkos the unit was built with.
  const char* (*describe)();
  // Initialises Kokkos on the device (once; finalised at exit).
  const char* (*start)();
  const char* (*map)(MapKernel kernel, const double* x, const double* y, double* out, std::size_t n,
                     double scalar, bool verifying);
  const char* (*dot)(const double* x, const double* y, std::size_t n, bool verifying,
                     double* result);
  // `sweeps` Jacobi sweeps of the n x n grid `input`; the last sweep's grid into `result`
  // when verifying.
  const char* (*stencil)(const double* input, std::size_t n, int sweeps, bool verifying,
                         double* result);
  // One parallel_for of one iteration that stores `token`, and the fence: the launch cost.
  // `seen` receives the stored token when verifying (else `token`).
  const char* (*launch)(int token, bool verifying, int* seen);
  // Counts `values` (each < bin_count) into `bins`, always copied back: the counts are
  // the answer.
  const char* (*histogram)(const std::uint32_t* values, std::size_t count, bool verifying,
                           std::uint64_t* bins, std::size_t bin_count);
};

}  // namespace idiombench::compute::kokkos_cuda

// The one symbol the unit exports.
extern "C" const idiombench::compute::kokkos_cuda::UnitApi* idiombench_kokkos_cuda_unit();
