// compute gemm/openmp: the blocked kernel with the rows of C split between OpenMP
// threads in multiples of the micro-kernel's height. Each block of B is packed once,
// by all threads together, and shared (as BLIS does); each thread packs its own A.
#include <omp.h>

#include "gemm/blocked_kernel.hpp"
#include "gemm/case.hpp"

namespace idiombench::compute::gemm {
namespace {

View openmp_blocked(const Matrices& m) {
  const std::size_t n = m.n;
  const double *a = m.a.data(), *b = m.b.data();
  double* c = m.c.data();
  static AlignedBuffer packed_b_storage(packed_b_size, 0);
  double* packed_b = packed_b_storage.span().data();
#pragma omp parallel num_threads(m.threads)
  {
    const auto team = static_cast<std::size_t>(omp_get_num_threads());
    const auto me = static_cast<std::size_t>(omp_get_thread_num());
    const std::size_t share = ((n + team - 1) / team + kMR - 1) / kMR * kMR;
    const std::size_t begin = std::min(n, me * share), end = std::min(n, begin + share);
    for (std::size_t j0 = 0; j0 < n; j0 += kNC) {
      const std::size_t nc = std::min(kNC, n - j0);
      for (std::size_t k0 = 0; k0 < n; k0 += kKC) {
        const std::size_t kc = std::min(kKC, n - k0);
        const auto panels = static_cast<std::ptrdiff_t>((nc + kNR - 1) / kNR);
        // The implicit barrier at the end: every panel is packed before anyone reads.
#pragma omp for schedule(static)
        for (std::ptrdiff_t q = 0; q < panels; ++q) {
          const auto j = static_cast<std::size_t>(q) * kNR;
          pack_b_panel(b, n, k0, kc, j0 + j, std::min(kNR, nc - j), packed_b + j * kc);
        }
        if (begin < end) multiply_packed_block(a, packed_b, c, n, k0, kc, j0, nc, begin, end);
          // Nobody packs the next block while another thread still reads this one.
#pragma omp barrier
      }
    }
  }
  return m.c;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "openmp_blocked", .model = "openmp", .run = openmp_blocked});

}  // namespace
}  // namespace idiombench::compute::gemm
