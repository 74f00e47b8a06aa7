// memoization/cheap_function: a function cheaper than a hash lookup (a multiply and a
// shift), called 100 000 times over 100 keys: after the first 100 calls every call is a
// hit, so the time per call is what a hit costs in each cache at capacity 128 — and
// against calling the function, what memoizing it loses. `hand_inlined_unordered_map`
// is the same unordered_map cache written into the loop, to price memoize()'s wrapper.
// One file per variant beside this one.
#pragma once

#include <cstdint>
#include <string>

#include "idiombench/case.hpp"
#include "sum_through_cache.hpp"

namespace idiombench::memoization::cheap_function {

using Input = Keys;
using Output = std::uint64_t;

Case<Input, Output>& the_case();

// The function: a multiply and a shift.
inline std::uint64_t cheap(std::uint32_t k) {
  return (std::uint64_t{k} * 0x9e3779b97f4a7c15ULL) ^ (k >> 3);
}

// Registers variant `name`: every call through a cache with `policy` (capacity 128).
template <class Policy>
Registration add_cache_variant(const std::string& name, Policy policy) {
  return the_case().add_variant(
      {.name = name, .model = "serial", .run = [policy](const Input& keys, Context& ctx) -> Output {
         return sum_through_cache(keys, cheap, policy, 1, ctx);
       }});
}

}  // namespace idiombench::memoization::cheap_function
