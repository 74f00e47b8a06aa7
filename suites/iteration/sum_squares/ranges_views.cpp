// sum_squares/ranges_views: std::views::transform, consumed by a range-for.
#include <stdexcept>

#include "map_producers.hpp"
#include "sum_squares/case.hpp"

namespace idiombench::iteration::sum_squares {
namespace {

Output ranges_views(const Input& values) {
#if IDIOMBENCH_HAS_STD_RANGE_VIEWS
  Output sum = 0;
  for (auto v : view_mapped(std::span<const std::int32_t>(values), square)) sum += v;
  return sum;
#else
  (void)values;
  throw std::logic_error(why_std_views_unavailable());
#endif
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "ranges_views",
                            .model = "serial",
                            .run = ranges_views,
                            .why_unavailable = why_std_views_unavailable});

}  // namespace
}  // namespace idiombench::iteration::sum_squares
