// compute stream/openmp: `parallel for simd` with a static schedule, BabelStream's way;
// and the same with non-temporal stores, the tuned way for arrays beyond the caches.
#include <omp.h>

#include "stream/case.hpp"
#include "stream/nontemporal.hpp"

namespace idiombench::compute::stream {
namespace {

struct OpenMP {
  template <class Op>
  static void map(const Arrays& a, Op op, Launch launch) {
    const double* x = a.x.data();
    const double* y = a.y.data();
    double* out = a.out.data();
    const auto n = static_cast<std::ptrdiff_t>(a.out.size());
#pragma omp parallel for simd schedule(static) num_threads(launch.threads)
    for (std::ptrdiff_t i = 0; i < n; ++i) out[i] = op(x[i], y[i]);
  }
  static double dot(const Arrays& a, Launch launch) {
    const double* x = a.x.data();
    const double* y = a.y.data();
    const auto n = static_cast<std::ptrdiff_t>(a.x.size());
    double sum = 0;
#pragma omp parallel for simd schedule(static) num_threads(launch.threads) reduction(+ : sum)
    for (std::ptrdiff_t i = 0; i < n; ++i) sum += x[i] * y[i];
    return sum;
  }
};

// Each thread streams one contiguous share (nontemporal.hpp).
struct OpenMPNontemporal {
  template <class Op>
  static void map(const Arrays& a, Op op, Launch launch) {
    const double* x = a.x.data();
    const double* y = a.y.data();
    double* out = a.out.data();
    const std::size_t n = a.out.size();
#pragma omp parallel num_threads(launch.threads)
    {
      const auto [begin, end] =
          line_aligned_share(n, static_cast<std::size_t>(omp_get_num_threads()),
                             static_cast<std::size_t>(omp_get_thread_num()));
      map_range_nontemporal(x, y, out, begin, end, op);
    }
  }
};

[[maybe_unused]] const auto registered = {
    register_stream_variant<OpenMP>("openmp", "openmp"),
    register_map_variant<OpenMPNontemporal>("openmp_nontemporal", "openmp"),
};

}  // namespace
}  // namespace idiombench::compute::stream
