// chain_sum/ranges_views: std::views::join flattens the lists into one range (Python's
// chain.from_iterable); one loop sums it.
#include "chain_sum/case.hpp"
#include "std_ranges_support.hpp"

#if IDIOMBENCH_HAS_STD_RANGE_VIEWS
#include <ranges>
#endif

namespace idiombench::iteration::chain_sum {
namespace {

#if IDIOMBENCH_HAS_STD_RANGE_VIEWS
Output ranges_views(const Input& lists) {
  Output sum = 0;
  for (auto x : lists | std::views::join) sum += x;
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "ranges_views", .model = "serial", .run = ranges_views});
#else
[[maybe_unused]] const auto registered = unavailable_views_variant(the_case());
#endif

}  // namespace
}  // namespace idiombench::iteration::chain_sum
