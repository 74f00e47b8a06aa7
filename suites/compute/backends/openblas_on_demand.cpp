// The OpenBLAS functions the compute suite calls, defined here as calls into the library
// opened on first use (idiombench/support/library_on_demand.hpp), so that only the
// processes of the blas variants load it. Linked, its constructor starts a worker thread
// per core that spins (sched_yield) for ~0.1 s in every benchmark's process: beside a
// single-threaded variant being measured, and against the threads of a parallel one.
//
// Hidden: the executable exports its symbols (for the embedded Python's extensions), and
// NumPy's BLAS calls must not bind to these.
#include <cblas.h>

#include "idiombench/support/library_on_demand.hpp"

#define ON_DEMAND extern "C" __attribute__((visibility("hidden")))

namespace {

template <class Function>
Function* openblas(const char* name) {
  static const idiombench::support::LibraryOnDemand library({IDIOMBENCH_OPENBLAS_SONAME});
  return library.function<Function>(name);
}

}  // namespace

ON_DEMAND void openblas_set_num_threads(int num_threads) {
  static auto* const real = openblas<decltype(openblas_set_num_threads)>(__func__);
  real(num_threads);
}

ON_DEMAND char* openblas_get_config(void) {
  static auto* const real = openblas<decltype(openblas_get_config)>(__func__);
  return real();
}

ON_DEMAND char* openblas_get_corename(void) {
  static auto* const real = openblas<decltype(openblas_get_corename)>(__func__);
  return real();
}

ON_DEMAND double cblas_ddot(const blasint n, const double* x, const blasint incx, const double* y,
                            const blasint incy) {
  static auto* const real = openblas<decltype(cblas_ddot)>(__func__);
  return real(n, x, incx, y, incy);
}

ON_DEMAND void cblas_dcopy(const blasint n, const double* x, const blasint incx, double* y,
                           const blasint incy) {
  static auto* const real = openblas<decltype(cblas_dcopy)>(__func__);
  real(n, x, incx, y, incy);
}

ON_DEMAND void cblas_dgemm(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE trans_a,
                           const enum CBLAS_TRANSPOSE trans_b, const blasint m, const blasint n,
                           const blasint k, const double alpha, const double* a, const blasint lda,
                           const double* b, const blasint ldb, const double beta, double* c,
                           const blasint ldc) {
  static auto* const real = openblas<decltype(cblas_dgemm)>(__func__);
  real(order, trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
