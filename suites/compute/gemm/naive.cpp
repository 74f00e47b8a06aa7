// compute gemm/naive: the textbook i-j-k triple loop (a dot product per element, B
// walked down its columns): the baseline everything else is measured against.
#include "gemm/case.hpp"

namespace idiombench::compute::gemm {
namespace {

View naive(const Matrices& m) {
  const std::size_t n = m.n;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      double sum = 0;
      for (std::size_t k = 0; k < n; ++k) sum += m.a[i * n + k] * m.b[k * n + j];
      m.c[i * n + j] = sum;
    }
  }
  return m.c;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "naive", .model = "serial", .run = naive});

}  // namespace
}  // namespace idiombench::compute::gemm
