// compute stencil2d/tbb: each sweep a parallel_for over blocks of rows (static
// partitioner) inside a task_arena of the requested size, created once.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include "idiombench/support/tbb_arena.hpp"
#include "stencil/case.hpp"

namespace idiombench::compute::stencil {
namespace {

View tbb_rows(const Grids& g) {
  support::arena_for(g.threads).execute([&] {
    for (int s = 0; s < g.sweeps; ++s) {
      const double* in = source_of(g, s);
      double* out = target_of(g, s);
      tbb::parallel_for(
          tbb::blocked_range<std::size_t>(0, g.n),
          [&](const tbb::blocked_range<std::size_t>& rows) {
            for (std::size_t i = rows.begin(); i < rows.end(); ++i) sweep_row(in, out, g.n, i);
          },
          tbb::static_partitioner());
    }
  });
  return result_of(g);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "tbb", .model = "tbb", .run = tbb_rows});

}  // namespace
}  // namespace idiombench::compute::stencil
