// compute gemm/blas: OpenBLAS's cblas_dgemm, what a user should call, at the requested
// number of threads.
#include <cblas.h>

#include "gemm/case.hpp"

namespace idiombench::compute::gemm {
namespace {

View blas(const Matrices& m) {
  openblas_set_num_threads(m.threads);
  const int n = static_cast<int>(m.n);
  if (n > 0) {
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, m.a.data(), n, m.b.data(),
                n, 0.0, m.c.data(), n);
  }
  return m.c;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "blas", .model = "threads", .run = blas});

}  // namespace
}  // namespace idiombench::compute::gemm
