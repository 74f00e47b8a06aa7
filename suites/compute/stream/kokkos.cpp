// compute stream/kokkos: Kokkos::parallel_for / parallel_reduce over unmanaged views of
// the same host arrays, on the default host execution space (OpenMP in the Kokkos that
// ci/build-kokkos.sh builds). Kokkos starts once per process with the requested threads.
#include <cstdlib>
#include <string>

#include "stream/case.hpp"

#ifdef IDIOMBENCH_HAVE_KOKKOS
#include "kokkos_start.hpp"
#endif

namespace idiombench::compute::stream {
namespace {

#ifdef IDIOMBENCH_HAVE_KOKKOS
using Space = Kokkos::DefaultHostExecutionSpace;
using ConstVector = Kokkos::View<const double*, Kokkos::HostSpace, Kokkos::MemoryUnmanaged>;
using Vector = Kokkos::View<double*, Kokkos::HostSpace, Kokkos::MemoryUnmanaged>;

struct KokkosModel {
  template <class Op>
  static void map(const Arrays& a, Op op, Launch launch) {
    start_kokkos(launch.threads);
    ConstVector x(a.x.data(), a.x.size()), y(a.y.data(), a.y.size());
    Vector out(a.out.data(), a.out.size());
    Kokkos::parallel_for(
        "stream_map", Kokkos::RangePolicy<Space>(0, a.out.size()),
        KOKKOS_LAMBDA(const std::size_t i) { out(i) = op(x(i), y(i)); });
    Space().fence();
  }
  static double dot(const Arrays& a, Launch launch) {
    start_kokkos(launch.threads);
    ConstVector x(a.x.data(), a.x.size()), y(a.y.data(), a.y.size());
    double sum = 0;
    Kokkos::parallel_reduce(
        "stream_dot", Kokkos::RangePolicy<Space>(0, a.x.size()),
        KOKKOS_LAMBDA(const std::size_t i, double& partial) { partial += x(i) * y(i); }, sum);
    return sum;
  }
};

[[maybe_unused]] const auto registered = register_stream_variant<KokkosModel>("kokkos", "kokkos");
#else
struct NoKokkos {
  template <class Op>
  static void map(const Arrays&, Op, Launch) {}
  static double dot(const Arrays&, Launch) { return 0; }
};

[[maybe_unused]] const auto registered = register_stream_variant<NoKokkos>(
    "kokkos", "kokkos", [] { return std::string("built without Kokkos"); });
#endif

}  // namespace
}  // namespace idiombench::compute::stream
