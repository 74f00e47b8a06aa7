// compute histogram/serial: one thread, one histogram: the baseline.
#include "histogram/case.hpp"

namespace idiombench::compute::histogram {
namespace {

Counts serial(const Samples& s) {
  Counts counts(s.bins, 0);
  for (auto v : s.values) ++counts[v];
  return counts;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "serial", .model = "serial", .run = serial});

}  // namespace
}  // namespace idiombench::compute::histogram
