// compute launch/kokkos_cuda: a Kokkos::parallel_for of one iteration on Kokkos::Cuda and
// the fence, through the kokkos_cuda unit.
#include "kokkos_cuda/loader.hpp"
#include "launch/case.hpp"

namespace idiombench::compute::launch {
namespace {

int kokkos_cuda_launch(const Token& t, Context& ctx) {
  int seen = 0;
  kokkos_cuda::check(kokkos_cuda::unit().launch(t.value, ctx.verifying(), &seen));
  return seen;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "kokkos_cuda",
                            .model = "kokkos_cuda",
                            .run = kokkos_cuda_launch,
                            .why_unavailable = kokkos_cuda::why_unavailable});

}  // namespace
}  // namespace idiombench::compute::launch
