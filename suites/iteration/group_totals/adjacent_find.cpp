// group_totals/adjacent_find: std::adjacent_find finds where the key changes; std::accumulate
// with a lambda totals the run before it.
#include <algorithm>
#include <numeric>

#include "group_totals/case.hpp"

namespace idiombench::iteration::group_totals {
namespace {

Output adjacent_find(const Input& sales) {
  Output totals;
  auto key_changes = [](const Sale& a, const Sale& b) { return a.key != b.key; };
  for (auto run = sales.begin(); run != sales.end();) {
    auto last = std::adjacent_find(run, sales.end(), key_changes);
    auto end = last == sales.end() ? last : std::next(last);
    totals.push_back(
        {run->key, std::accumulate(run, end, std::int64_t{0},
                                   [](std::int64_t t, const Sale& s) { return t + s.amount; })});
    run = end;
  }
  return totals;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "adjacent_find", .model = "serial", .run = adjacent_find});

}  // namespace
}  // namespace idiombench::iteration::group_totals
