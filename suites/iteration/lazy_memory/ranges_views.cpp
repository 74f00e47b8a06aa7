// lazy_memory/ranges_views: std::views iota | transform | filter | transform.
#include <ranges>

#include "lazy_memory/case.hpp"
#include "std_ranges_support.hpp"

namespace idiombench::iteration::lazy_memory {
namespace {

#if IDIOMBENCH_HAS_STD_RANGE_VIEWS
Output ranges_views(const Input& in) {
  auto amounts = std::views::iota(std::size_t{0}, in.records) | std::views::transform(make_record) |
                 std::views::filter(is_selected) | std::views::transform(weighted_amount);
  Output sum = 0;
  for (auto amount : amounts) sum += amount;
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "ranges_views", .model = "serial", .run = ranges_views});
#else
[[maybe_unused]] const auto registered = unavailable_views_variant(the_case());
#endif

}  // namespace
}  // namespace idiombench::iteration::lazy_memory
