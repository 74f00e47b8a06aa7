// compute/gemm: C = A * B for dense n x n double matrices (row-major): compute-bound.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "aligned_buffer.hpp"
#include "idiombench/case.hpp"

namespace idiombench::compute::gemm {

struct Matrices {
  std::size_t n = 0;
  AlignedBuffer a_storage, b_storage, c_storage;
  std::span<const double> a, b;
  std::span<double> c;  // the workspace variants write
  int threads = 1;
};

using View = std::span<const double>;

// The reference product and the relative tolerance any summation order meets.
struct Expected {
  std::vector<double> c;
  double relative_tolerance;
};

Case<Matrices, View, Expected>& the_case();

}  // namespace idiombench::compute::gemm
