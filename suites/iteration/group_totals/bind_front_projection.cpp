// group_totals/bind_front_projection: the functional spelling — the end of a run is
// std::ranges::find_if_not(std::bind_front(std::equal_to{}, key)) projected through
// &Sale::key, and its total std::transform_reduce through std::mem_fn(&Sale::amount):
// C++'s answer to operator.itemgetter and functools.partial.
#include <algorithm>
#include <functional>
#include <numeric>

#include "group_totals/case.hpp"

namespace idiombench::iteration::group_totals {
namespace {

Output bind_front_projection(const Input& sales) {
  Output totals;
  auto amount = std::mem_fn(&Sale::amount);
  for (auto run = sales.begin(); run != sales.end();) {
    auto end = std::ranges::find_if_not(run, sales.end(),
                                        std::bind_front(std::equal_to<>{}, run->key), &Sale::key);
    totals.push_back(
        {run->key, std::transform_reduce(run, end, std::int64_t{0}, std::plus<>{}, amount)});
    run = end;
  }
  return totals;
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "bind_front_projection", .model = "serial", .run = bind_front_projection});

}  // namespace
}  // namespace idiombench::iteration::group_totals
