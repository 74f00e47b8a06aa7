// compute histogram/openmp_atomic and openmp_private: every thread increments the
// shared bins atomically; or each counts into its own histogram and adds it into the
// result at the end (what OpenMP's array-section reduction does, with the private
// copies kept on separate cache lines).
#include <algorithm>
#include <cstdlib>
#include <memory>

#include "histogram/case.hpp"

namespace idiombench::compute::histogram {
namespace {

Counts openmp_atomic(const Samples& s) {
  Counts counts(s.bins, 0);
  std::uint64_t* bins = counts.data();
  const std::uint32_t* values = s.values.data();
  const auto n = static_cast<std::ptrdiff_t>(s.values.size());
#pragma omp parallel for schedule(static) num_threads(s.threads)
  for (std::ptrdiff_t i = 0; i < n; ++i) {
#pragma omp atomic update
    ++bins[values[i]];
  }
  return counts;
}

Counts openmp_private(const Samples& s) {
  Counts counts(s.bins, 0);
  const std::uint32_t* values = s.values.data();
  const auto n = static_cast<std::ptrdiff_t>(s.values.size());
#pragma omp parallel num_threads(s.threads)
  {
    // This thread's histogram on cache lines of its own: two small std::vectors from
    // malloc can share a line, and then every increment would bounce it between cores.
    const std::size_t bytes = (s.bins * sizeof(std::uint64_t) + 63) / 64 * 64;
    std::unique_ptr<std::uint64_t[], void (*)(void*)> mine(
        static_cast<std::uint64_t*>(std::aligned_alloc(64, bytes == 0 ? 64 : bytes)), std::free);
    std::fill_n(mine.get(), s.bins, 0);
#pragma omp for schedule(static) nowait
    for (std::ptrdiff_t i = 0; i < n; ++i) ++mine[values[i]];
#pragma omp critical
    for (std::size_t b = 0; b < s.bins; ++b) counts[b] += mine[b];
  }
  return counts;
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant({.name = "openmp_atomic", .model = "openmp", .run = openmp_atomic}),
    the_case().add_variant({.name = "openmp_private", .model = "openmp", .run = openmp_private}),
};

}  // namespace
}  // namespace idiombench::compute::histogram
