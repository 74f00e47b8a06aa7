// compute/stencil2d: Jacobi sweeps of the 5-point average on an n x n grid (row-major),
// the boundary held fixed. Each point reads four neighbours: reuse between rows is what
// the caches must provide.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "aligned_buffer.hpp"
#include "idiombench/case.hpp"
#include "stencil/kernel.hpp"

namespace idiombench::compute::stencil {

struct Grids {
  std::size_t n = 0;
  int sweeps = 1;
  int threads = 1;
  AlignedBuffer input_storage, work_storage[2];
  std::span<const double> input;
  std::span<double> work[2];  // sweep s writes work[s % 2]
};

using View = std::span<const double>;

Case<Grids, View, std::vector<double>>& the_case();

namespace {

// The grid sweep s reads, and the one it writes.
inline const double* source_of(const Grids& g, int s) {
  return s == 0 ? g.input.data() : g.work[(s - 1) % 2].data();
}
inline double* target_of(const Grids& g, int s) {
  return g.work[s % 2].data();
}
inline View result_of(const Grids& g) {
  return g.work[(g.sweeps - 1) % 2];
}

}  // namespace

}  // namespace idiombench::compute::stencil
