// memoization/expensive_lookup: a pure function costing `cost_ns`, called for `calls` keys
// drawn from a Zipf(1.0) or uniform distribution over `keys` keys, through each cache
// (fresh per call) of `capacity` entries. Counters: hit rate, evictions, peak memory.
// One file per variant beside this one.
#pragma once

#include <cstdint>
#include <string>

#include "idiombench/case.hpp"
#include "idiombench/support/cpu_work.hpp"
#include "sum_through_cache.hpp"

namespace idiombench::memoization::expensive_lookup {

struct Input {
  Keys keys;
  std::uint64_t rounds = 0;  // of support::cpu_work(): the function's cost
  std::size_t capacity = 0;
  int threads = 1;
};
using Output = std::uint64_t;

Case<Input, Output>& the_case();

// The expensive function itself.
inline std::uint64_t expensive(std::uint32_t key, std::uint64_t rounds) {
  return support::cpu_work(key, rounds);
}

// Registers variant `name`: every call through a cache made by `sized(capacity)`.
template <class SizedPolicy>
Registration add_cache_variant(const std::string& name, const std::string& model,
                               SizedPolicy sized) {
  return the_case().add_variant(
      {.name = name, .model = model, .run = [sized](const Input& in, Context& ctx) -> Output {
         auto f = [r = in.rounds](std::uint32_t k) { return expensive(k, r); };
         return sum_through_cache(in.keys, f, sized(in.capacity), in.threads, ctx);
       }});
}

}  // namespace idiombench::memoization::expensive_lookup
