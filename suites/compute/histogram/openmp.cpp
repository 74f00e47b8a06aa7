// compute histogram/openmp_atomic and openmp_private: every thread increments the
// shared bins atomically; or each counts into its own histogram and the threads add
// theirs into the result at the end (OpenMP's array reduction does exactly that).
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
  std::uint64_t* bins = counts.data();
  const std::uint32_t* values = s.values.data();
  const auto n = static_cast<std::ptrdiff_t>(s.values.size());
  const auto size = s.bins;
  if (size == 0) return counts;
#pragma omp parallel for schedule(static) num_threads(s.threads) reduction(+ : bins[:size])
  for (std::ptrdiff_t i = 0; i < n; ++i) ++bins[values[i]];
  return counts;
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant({.name = "openmp_atomic", .model = "openmp", .run = openmp_atomic}),
    the_case().add_variant({.name = "openmp_private", .model = "openmp", .run = openmp_private}),
};

}  // namespace
}  // namespace idiombench::compute::histogram
