// compute stencil2d/kokkos: each sweep a Kokkos::parallel_for over rows on the default
// host execution space, running the same row kernel.
#include "stencil/case.hpp"

#ifdef IDIOMBENCH_HAVE_KOKKOS
#include "kokkos_start.hpp"
#endif

namespace idiombench::compute::stencil {
namespace {

#ifdef IDIOMBENCH_HAVE_KOKKOS
View kokkos(const Grids& g) {
  start_kokkos(g.threads);
  using Space = Kokkos::DefaultHostExecutionSpace;
  for (int s = 0; s < g.sweeps; ++s) {
    const double* in = source_of(g, s);
    double* out = target_of(g, s);
    const std::size_t n = g.n;
    Kokkos::parallel_for(
        "stencil_sweep", Kokkos::RangePolicy<Space>(0, n),
        KOKKOS_LAMBDA(const std::size_t i) { sweep_row(in, out, n, i); });
    Space().fence();
  }
  return result_of(g);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "kokkos", .model = "kokkos", .run = kokkos});
#endif

}  // namespace
}  // namespace idiombench::compute::stencil
