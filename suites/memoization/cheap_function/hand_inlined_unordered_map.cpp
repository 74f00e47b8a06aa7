// cheap_function/hand_inlined_unordered_map: the unordered_map cache written into the
// loop, to price memoize()'s wrapper.
#include <unordered_map>

#include "cheap_function/case.hpp"

namespace idiombench::memoization::cheap_function {
namespace {

Output hand_inlined(const Input& keys, Context& ctx) {
  std::unordered_map<std::uint32_t, std::uint64_t> cache;
  std::uint64_t sum = 0, hits = 0;
  for (auto k : keys) {
    auto it = cache.find(k);
    if (it != cache.end()) {
      ++hits;
      sum += it->second;
    } else {
      sum += cache.emplace(k, cheap(k)).first->second;
    }
  }
  ctx.counter("hit_rate",
              keys.empty() ? 0.0 : static_cast<double>(hits) / static_cast<double>(keys.size()));
  return sum;
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "hand_inlined_unordered_map", .model = "serial", .run = hand_inlined});

}  // namespace
}  // namespace idiombench::memoization::cheap_function
