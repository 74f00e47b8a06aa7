// compute stencil2d/kokkos: each sweep a Kokkos::parallel_for over the grid's points (a
// 2-D MDRangePolicy) on the default host execution space: kokkos_kernels.hpp's sweep,
// the one the kokkos_cuda unit runs on a GPU.
#include "stencil/case.hpp"

#ifdef IDIOMBENCH_HAVE_KOKKOS
#include "kokkos_kernels.hpp"
#include "kokkos_start.hpp"
#endif

namespace idiombench::compute::stencil {
namespace {

#ifdef IDIOMBENCH_HAVE_KOKKOS
View kokkos(const Grids& g) {
  start_kokkos(g.threads);
  for (int s = 0; s < g.sweeps; ++s)
    kokkos_kernels::stencil_sweep<Kokkos::DefaultHostExecutionSpace>(source_of(g, s),
                                                                     target_of(g, s), g.n);
  return result_of(g);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "kokkos", .model = "kokkos", .run = kokkos});
#endif

}  // namespace
}  // namespace idiombench::compute::stencil
