// chain_sum/nested_loops: a loop over the lists and a loop over each list.
#include "chain_sum/case.hpp"

namespace idiombench::iteration::chain_sum {
namespace {

Output nested_loops(const Input& lists) {
  Output sum = 0;
  for (const auto& list : lists) {
    for (auto x : list) sum += x;
  }
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "nested_loops", .model = "serial", .run = nested_loops});

}  // namespace
}  // namespace idiombench::iteration::chain_sum
