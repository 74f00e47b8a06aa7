// compute stencil2d/autovec: the sweeps row by row on one thread, vectorised by the
// compiler for this machine: the baseline.
#include "stencil/case.hpp"

namespace idiombench::compute::stencil {
namespace {

View autovec(const Grids& g) {
  for (int s = 0; s < g.sweeps; ++s) {
    for (std::size_t i = 0; i < g.n; ++i) sweep_row(source_of(g, s), target_of(g, s), g.n, i);
  }
  return result_of(g);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "autovec", .model = "simd", .run = autovec});

}  // namespace
}  // namespace idiombench::compute::stencil
