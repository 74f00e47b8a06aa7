// compute gemm/loop_ikj: the plain loop a careful programmer writes: i-k-j order, so the
// innermost loop walks a row of B and a row of C with unit stride, and the compiler
// vectorises it (checking at run time that the rows do not overlap). No blocking: B is
// streamed from whichever cache holds it once per row of C.
#include <algorithm>

#include "gemm/case.hpp"

namespace idiombench::compute::gemm {
namespace {

View loop_ikj(const Matrices& m) {
  const std::size_t n = m.n;
  const double* a = m.a.data();
  const double* b = m.b.data();
  double* c = m.c.data();
  for (std::size_t i = 0; i < n; ++i) {
    double* row = c + i * n;
    std::fill_n(row, n, 0.0);
    for (std::size_t k = 0; k < n; ++k) {
      const double x = a[i * n + k];
      const double* b_row = b + k * n;
      for (std::size_t j = 0; j < n; ++j) row[j] += x * b_row[j];
    }
  }
  return m.c;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "loop_ikj", .model = "serial", .run = loop_ikj});

}  // namespace
}  // namespace idiombench::compute::gemm
