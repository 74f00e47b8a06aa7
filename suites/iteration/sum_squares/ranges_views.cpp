// sum_squares/ranges_views: std::views::transform, consumed by a range-for.
#include "map_producers.hpp"
#include "std_ranges_support.hpp"
#include "sum_squares/case.hpp"

namespace idiombench::iteration::sum_squares {
namespace {

#if IDIOMBENCH_HAS_STD_RANGE_VIEWS
Output ranges_views(const Input& values) {
  Output sum = 0;
  for (auto v : view_mapped(std::span<const std::int32_t>(values), square)) sum += v;
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "ranges_views", .model = "serial", .run = ranges_views});
#else
[[maybe_unused]] const auto registered = unavailable_views_variant(the_case());
#endif

}  // namespace
}  // namespace idiombench::iteration::sum_squares
