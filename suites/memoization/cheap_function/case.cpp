// memoization/cheap_function: a function cheaper than a hash lookup (a multiply and a
// shift), called 100 000 times over 100 keys: after the first 100 calls every call is a
// hit, so the time per call is what a hit costs in each cache at capacity 128 — and
// against calling the function, what memoizing it loses. `hand_inlined_unordered_map`
// is the same unordered_map cache written into the loop, to price memoize()'s wrapper.
#include <absl/container/flat_hash_map.h>

#include <unordered_map>

#include "caches/flat_hash_policy.hpp"
#include "idiombench/case.hpp"
#include "lookups.hpp"
#include "workload.hpp"

namespace idiombench::memoization::cheap_function {
namespace {

using Input = Keys;
using Output = std::uint64_t;

std::uint64_t cheap(std::uint32_t k) {
  return (std::uint64_t{k} * 0x9e3779b97f4a7c15ULL) ^ (k >> 3);
}

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "cheap_function",
      .question = "Memoizing a function cheaper than a hash lookup: what does a cache hit cost in "
                  "each cache, and how much does caching lose?",
      .make_input =
          [](const Params& p) {
            return draw_keys("uniform", static_cast<std::uint32_t>(p.integer("keys")),
                             static_cast<std::size_t>(p.integer("calls")));
          },
      .reference = [](const Input& keys) { return sum_uncached(keys, cheap); },
      .quick = {integer_axis("keys", {100}), integer_axis("calls", {100000})},
      .full = {integer_axis("keys", {100}), integer_axis("calls", {1000000})},
      .conformance = {{{"keys", 1}, {"calls", 0}},
                      {{"keys", 1}, {"calls", 1}},
                      {{"keys", 3}, {"calls", 17}},
                      {{"keys", 100}, {"calls", 10007}},
                      {{"keys", 1000}, {"calls", 5000}}},
      .throughput =
          [](const Params& p) { return Throughput{.items = static_cast<double>(p.integer("calls"))}; },
      .baseline = "direct",
  });
  return c;
}

template <class Policy>
auto through(Policy policy) {
  return [policy](const Input& keys, Context& ctx) -> Output {
    return sum_through_cache(keys, cheap, policy, 1, ctx);
  };
}

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

[[maybe_unused]] const auto registered = {
    the_case().add_variant({.name = "direct",
                            .model = "serial",
                            .run = [](const Input& keys) { return sum_uncached(keys, cheap); }}),
    the_case().add_variant(
        {.name = "hand_inlined_unordered_map", .model = "serial", .run = hand_inlined}),
    the_case().add_variant(
        {.name = "unordered_map_unbounded", .model = "serial", .run = through(Unbounded{})}),
    the_case().add_variant(
        {.name = "absl_flat_hash_map", .model = "serial", .run = through(FlatHashMap{})}),
    the_case().add_variant({.name = "lru_list_map", .model = "serial", .run = through(Lru{128})}),
    the_case().add_variant({.name = "clock", .model = "serial", .run = through(Clock{128})}),
    the_case().add_variant({.name = "mutex_lru", .model = "serial", .run = through(MutexLru{128})}),
    the_case().add_variant(
        {.name = "sharded_lru", .model = "serial", .run = through(ShardedLru{128, 8})}),
};

}  // namespace
}  // namespace idiombench::memoization::cheap_function
