// compute stencil2d/kokkos_cuda: the Kokkos sweep (kokkos_kernels.hpp, the kokkos
// variant's) on a CUDA device through the kokkos_cuda unit; the grid stays on the device
// between sweeps and comes back only to be verified.
#include "kokkos_cuda/loader.hpp"
#include "stencil/case.hpp"

namespace idiombench::compute::stencil {
namespace {

View kokkos_cuda_sweeps(const Grids& g, Context& ctx) {
  double* result = g.work[(g.sweeps - 1) % 2].data();
  kokkos_cuda::check(
      kokkos_cuda::unit().stencil(g.input.data(), g.n, g.sweeps, ctx.verifying(), result));
  return result_of(g);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "kokkos_cuda",
                            .model = "kokkos_cuda",
                            .run = kokkos_cuda_sweeps,
                            .why_unavailable = kokkos_cuda::why_unavailable});

}  // namespace
}  // namespace idiombench::compute::stencil
