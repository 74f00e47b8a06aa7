// compute/histogram: count n integer samples into `bins` bins. Every update is a
// read-modify-write of a shared counter: atomics against per-thread privatisation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "idiombench/case.hpp"

namespace idiombench::compute::histogram {

struct Samples {
  std::vector<std::uint32_t> values;  // each < bins
  std::size_t bins = 0;
  int threads = 1;
};

using Counts = std::vector<std::uint64_t>;

Case<Samples, Counts>& the_case();

}  // namespace idiombench::compute::histogram
