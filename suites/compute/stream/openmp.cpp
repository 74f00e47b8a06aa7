// compute stream/openmp: `parallel for simd` with a static schedule, BabelStream's way.
#include <omp.h>

#include "stream/case.hpp"

namespace idiombench::compute::stream {
namespace {

struct OpenMP {
  template <class Op>
  static void map(const Arrays& a, Op op, int threads) {
    const double* x = a.x.data();
    const double* y = a.y.data();
    double* out = a.out.data();
    const auto n = static_cast<std::ptrdiff_t>(a.out.size());
#pragma omp parallel for simd schedule(static) num_threads(threads)
    for (std::ptrdiff_t i = 0; i < n; ++i) out[i] = op(x[i], y[i]);
  }
  static double dot(const Arrays& a, int threads) {
    const double* x = a.x.data();
    const double* y = a.y.data();
    const auto n = static_cast<std::ptrdiff_t>(a.x.size());
    double sum = 0;
#pragma omp parallel for simd schedule(static) num_threads(threads) reduction(+ : sum)
    for (std::ptrdiff_t i = 0; i < n; ++i) sum += x[i] * y[i];
    return sum;
  }
};

[[maybe_unused]] const auto registered = register_stream_variant<OpenMP>("openmp", "openmp");

}  // namespace
}  // namespace idiombench::compute::stream
