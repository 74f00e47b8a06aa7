// sum_squares/ranges_views: std::views::transform, consumed by a range-for.
#include "map_producers.hpp"
#include "sum_squares/case.hpp"

namespace idiombench::iteration::sum_squares {
namespace {

Output ranges_views(const Input& values) {
  Output sum = 0;
  for (auto v : view_mapped(std::span<const std::int32_t>(values), square)) sum += v;
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "ranges_views", .model = "serial", .run = ranges_views});

}  // namespace
}  // namespace idiombench::iteration::sum_squares
