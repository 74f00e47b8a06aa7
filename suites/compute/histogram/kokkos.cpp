// compute histogram/kokkos_scatter: Kokkos' own answer to the histogram,
// Kokkos::Experimental::ScatterView, which privatises (duplicates) the bins per thread
// on the OpenMP backend and contributes them back at the end (kokkos_kernels.hpp: the
// kokkos_cuda unit runs the same kernel with atomics on a GPU).
#include "histogram/case.hpp"

#ifdef IDIOMBENCH_HAVE_KOKKOS
#include "kokkos_kernels.hpp"
#include "kokkos_start.hpp"
#endif

namespace idiombench::compute::histogram {
namespace {

#ifdef IDIOMBENCH_HAVE_KOKKOS
Counts kokkos_scatter(const Samples& s) {
  start_kokkos(s.threads);
  Counts bins(s.bins, 0);
  kokkos_kernels::histogram<Kokkos::DefaultHostExecutionSpace>(s.values.data(), s.values.size(),
                                                               bins.data(), bins.size());
  return bins;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "kokkos_scatter", .model = "kokkos", .run = kokkos_scatter});
#endif

}  // namespace
}  // namespace idiombench::compute::histogram
