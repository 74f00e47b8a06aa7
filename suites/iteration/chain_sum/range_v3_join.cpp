// chain_sum/range_v3_join: range-v3's views::join folded by ranges::accumulate.
#include <range/v3/numeric/accumulate.hpp>
#include <range/v3/view/join.hpp>

#include "chain_sum/case.hpp"

namespace idiombench::iteration::chain_sum {
namespace {

Output range_v3_join(const Input& lists) {
  return ranges::accumulate(lists | ranges::views::join, Output{0});
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "range_v3_join", .model = "serial", .run = range_v3_join});

}  // namespace
}  // namespace idiombench::iteration::chain_sum
