// group_totals/index_loop: one pass, a new total whenever the key changes.
#include "group_totals/case.hpp"

namespace idiombench::iteration::group_totals {
namespace {

Output index_loop(const Input& sales) {
  Output totals;
  std::size_t n = sales.size();
  for (std::size_t i = 0; i < n;) {
    std::uint32_t key = sales[i].key;
    std::int64_t amount = 0;
    for (; i < n && sales[i].key == key; ++i) amount += sales[i].amount;
    totals.push_back({key, amount});
  }
  return totals;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "index_loop", .model = "serial", .run = index_loop});

}  // namespace
}  // namespace idiombench::iteration::group_totals
