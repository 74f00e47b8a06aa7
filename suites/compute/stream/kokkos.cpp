// compute stream/kokkos: Kokkos::parallel_for / parallel_reduce over unmanaged views of
// the same host arrays, on the default host execution space (OpenMP in the Kokkos that
// ci/build-kokkos.sh builds). Kokkos starts once per process with the requested threads.
// The kernels are kokkos_kernels.hpp's, shared with the kokkos_cuda unit.
#include <algorithm>
#include <cstdlib>
#include <string>

#include "stream/case.hpp"

#ifdef IDIOMBENCH_HAVE_KOKKOS
#include "kokkos_kernels.hpp"
#include "kokkos_start.hpp"
#endif

namespace idiombench::compute::stream {
namespace {

#ifdef IDIOMBENCH_HAVE_KOKKOS
using Space = Kokkos::DefaultHostExecutionSpace;

// The kernels of kokkos_kernels.hpp, which the kokkos_cuda unit runs on a GPU.
struct KokkosModel {
  template <class Op>
  static void map(const Arrays& a, Op op, Launch launch) {
    start_kokkos(launch.threads);
    kokkos_kernels::map<Space>(a.x.data(), a.y.data(), a.out.data(), a.out.size(), op);
  }
  static double dot(const Arrays& a, Launch launch) {
    start_kokkos(launch.threads);
    return kokkos_kernels::dot<Space>(a.x.data(), a.y.data(), a.x.size());
  }
};

// The reduction as a Kokkos user rewrites it once the per-element form shows up as scalar
// code: Kokkos (3.x, on the host) calls the lambda once per element, so the compiler
// cannot vectorise across elements (measured again with Kokkos 5); over 512-element chunks with an
// inner `omp simd` loop it can, and the chunks are still what Kokkos schedules.
double chunked_dot(const Arrays& a) {
  start_kokkos(a.threads);
  constexpr std::size_t kChunk = 512;
  const double* x = a.x.data();
  const double* y = a.y.data();
  const std::size_t n = a.x.size();
  double sum = 0;
  Kokkos::parallel_reduce(
      "stream_dot_chunked", Kokkos::RangePolicy<Space>(0, (n + kChunk - 1) / kChunk),
      KOKKOS_LAMBDA(const std::size_t chunk, double& partial) {
        const std::size_t begin = chunk * kChunk;
        const auto length = static_cast<std::ptrdiff_t>(std::min(kChunk, n - begin));
        const double* xs = x + begin;
        const double* ys = y + begin;
        double s = 0;
#pragma omp simd reduction(+ : s)
        for (std::ptrdiff_t i = 0; i < length; ++i) s += xs[i] * ys[i];
        partial += s;
      },
      sum);
  return sum;
}

[[maybe_unused]] const auto registered = {
    register_stream_variant<KokkosModel>("kokkos", "kokkos"),
    dot_case().add_variant({.name = "kokkos_chunked", .model = "kokkos", .run = chunked_dot}),
};
#else
struct NoKokkos {
  template <class Op>
  static void map(const Arrays&, Op, Launch) {}
  static double dot(const Arrays&, Launch) { return 0; }
};

std::string why_unavailable() {
  return "built without Kokkos";
}

[[maybe_unused]] const auto registered = {
    register_stream_variant<NoKokkos>("kokkos", "kokkos", why_unavailable),
    dot_case().add_variant({.name = "kokkos_chunked",
                            .model = "kokkos",
                            .run = [](const Arrays&) { return 0.0; },
                            .why_unavailable = why_unavailable}),
};
#endif

}  // namespace
}  // namespace idiombench::compute::stream
