// compute histogram/kokkos_cuda_scatter: the ScatterView histogram (kokkos_kernels.hpp, the
// kokkos_scatter variant's) on a CUDA device, where Kokkos contributes with atomics.
#include "histogram/case.hpp"
#include "kokkos_cuda/loader.hpp"

namespace idiombench::compute::histogram {
namespace {

Counts kokkos_cuda_scatter(const Samples& s, Context& ctx) {
  Counts bins(s.bins, 0);
  kokkos_cuda::check(kokkos_cuda::unit().histogram(s.values.data(), s.values.size(),
                                                   ctx.verifying(), bins.data(), bins.size()));
  return bins;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "kokkos_cuda_scatter",
                            .model = "kokkos_cuda",
                            .run = kokkos_cuda_scatter,
                            .why_unavailable = kokkos_cuda::why_unavailable});

}  // namespace
}  // namespace idiombench::compute::histogram
