// chain_sum/transform_reduce: no flattening at all — std::transform_reduce over the lists,
// each list folded by an inner std::transform_reduce (free to reassociate, so it
// vectorises): Python's sum(map(sum, lists)). The inner fold widens each element first:
// std::reduce(list, int64{0}) may add two int32 elements to each other before it meets
// the int64 init, and overflowed here (verification caught it).
#include <numeric>

#include "chain_sum/case.hpp"

namespace idiombench::iteration::chain_sum {
namespace {

Output transform_reduce(const Input& lists) {
  return std::transform_reduce(lists.begin(), lists.end(), Output{0}, std::plus<>{},
                               [](const std::vector<std::int32_t>& list) {
                                 return std::transform_reduce(
                                     list.begin(), list.end(), Output{0}, std::plus<>{},
                                     [](std::int32_t x) { return Output{x}; });
                               });
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "transform_reduce", .model = "serial", .run = transform_reduce});

}  // namespace
}  // namespace idiombench::iteration::chain_sum
