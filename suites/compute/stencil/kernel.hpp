// The stencil's kernel body, written once for every model (and for device code: the
// kokkos_cuda unit builds it with nvcc, so this header includes nothing of the harness).
#pragma once

#include <cstddef>

namespace idiombench::compute::stencil {
// Internal linkage: the files that run these are built with different flags, and the
// linker must not keep one copy for all of them.
namespace {

// The new value of interior point (i, j): the 5-point average. constexpr, so that the
// kokkos_cuda unit's device code runs it too (kokkos_kernels.hpp).
constexpr double five_point(const double* in, std::size_t n, std::size_t i, std::size_t j) {
  return 0.25 *
         ((in[(i - 1) * n + j] + in[(i + 1) * n + j]) + (in[i * n + j - 1] + in[i * n + j + 1]));
}

// Row i of one sweep from `in` to `out`: the kernel body every model runs. The
// boundary rows and columns are copied.
inline void sweep_row(const double* in, double* out, std::size_t n, std::size_t i) {
  if (i == 0 || i + 1 == n) {
    for (std::size_t j = 0; j < n; ++j) out[i * n + j] = in[i * n + j];
    return;
  }
  out[i * n] = in[i * n];
  for (std::size_t j = 1; j + 1 < n; ++j) {
    out[i * n + j] = five_point(in, n, i, j);
  }
  out[i * n + n - 1] = in[i * n + n - 1];
}

}  // namespace

}  // namespace idiombench::compute::stencil
