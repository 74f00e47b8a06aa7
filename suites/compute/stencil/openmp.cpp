// compute stencil2d/openmp: rows of each sweep split statically between threads, one
// parallel region for all sweeps (the implicit barrier separates them).
#include "stencil/case.hpp"

namespace idiombench::compute::stencil {
namespace {

View openmp(const Grids& g) {
  const auto n = static_cast<std::ptrdiff_t>(g.n);
#pragma omp parallel num_threads(g.threads)
  for (int s = 0; s < g.sweeps; ++s) {
    const double* in = source_of(g, s);
    double* out = target_of(g, s);
#pragma omp for schedule(static)
    for (std::ptrdiff_t i = 0; i < n; ++i) sweep_row(in, out, g.n, static_cast<std::size_t>(i));
  }
  return result_of(g);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "openmp", .model = "openmp", .run = openmp});

}  // namespace
}  // namespace idiombench::compute::stencil
