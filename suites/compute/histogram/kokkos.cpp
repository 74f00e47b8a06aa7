// compute histogram/kokkos_scatter: Kokkos' own answer to the histogram,
// Kokkos::Experimental::ScatterView, which privatises (duplicates) the bins per thread
// on the OpenMP backend and contributes them back at the end.
#include "histogram/case.hpp"

#ifdef IDIOMBENCH_HAVE_KOKKOS
#include <Kokkos_ScatterView.hpp>

#include "kokkos_start.hpp"
#endif

namespace idiombench::compute::histogram {
namespace {

#ifdef IDIOMBENCH_HAVE_KOKKOS
Counts kokkos_scatter(const Samples& s) {
  start_kokkos(s.threads);
  using Space = Kokkos::DefaultHostExecutionSpace;
  Kokkos::View<std::uint64_t*, Kokkos::HostSpace> bins("bins", s.bins);
  auto scatter = Kokkos::Experimental::create_scatter_view(bins);
  Kokkos::View<const std::uint32_t*, Kokkos::HostSpace, Kokkos::MemoryUnmanaged> values(
      s.values.data(), s.values.size());
  Kokkos::parallel_for(
      "histogram", Kokkos::RangePolicy<Space>(0, s.values.size()),
      KOKKOS_LAMBDA(const std::size_t i) {
        auto access = scatter.access();
        access(values(i)) += 1;
      });
  Kokkos::Experimental::contribute(bins, scatter);
  return Counts(bins.data(), bins.data() + s.bins);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "kokkos_scatter", .model = "kokkos", .run = kokkos_scatter});
#endif

}  // namespace
}  // namespace idiombench::compute::histogram
