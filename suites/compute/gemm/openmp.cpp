// compute gemm/openmp: the blocked kernel with the rows of C split between OpenMP
// threads in multiples of the micro-kernel's height (each packs its own panels).
#include <omp.h>

#include "gemm/blocked_kernel.hpp"
#include "gemm/case.hpp"

namespace idiombench::compute::gemm {
namespace {

View openmp_blocked(const Matrices& m) {
  const std::size_t n = m.n;
#pragma omp parallel num_threads(m.threads)
  {
    const auto team = static_cast<std::size_t>(omp_get_num_threads());
    const auto me = static_cast<std::size_t>(omp_get_thread_num());
    const std::size_t share = ((n + team - 1) / team + kMR - 1) / kMR * kMR;
    const std::size_t begin = std::min(n, me * share), end = std::min(n, begin + share);
    if (begin < end) gemm_rows(m.a.data(), m.b.data(), m.c.data(), n, begin, end);
  }
  return m.c;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "openmp_blocked", .model = "openmp", .run = openmp_blocked});

}  // namespace
}  // namespace idiombench::compute::gemm
