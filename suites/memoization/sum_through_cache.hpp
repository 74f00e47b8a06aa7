// expensive_lookup and cheap_function share their shape: a function of one key, called
// for every key of a drawn sequence, through a cache or not. The output is the sum of
// the results (the same for every variant); counters say how the cache did.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include <atomic>

#include "idiombench/context.hpp"
#include "idiombench/support/thread_pool.hpp"
#include "memoize.hpp"

namespace idiombench::memoization {

using Keys = std::vector<std::uint32_t>;

// Calls `f` for every key through a fresh (cold) cache made by `policy`, on `threads`
// threads of the support library's pool (each a contiguous share of the keys).
template <class F, class Policy>
std::uint64_t sum_through_cache(const Keys& keys, F f, Policy policy, int threads, Context& ctx) {
  auto cached = memoize<std::uint64_t(std::uint32_t)>(f, policy);
  std::atomic<std::uint64_t> total{0};
  auto share = [&](std::size_t begin, std::size_t end) {
    std::uint64_t sum = 0;
    for (std::size_t i = begin; i < end; ++i) sum += cached(keys[i]);
    total.fetch_add(sum, std::memory_order_relaxed);
  };
  if (threads <= 1) {
    share(0, keys.size());
  } else {
    support::shared_thread_pool(threads).on_every_worker([&](int w) {
      const std::size_t n = keys.size(), t = static_cast<std::size_t>(threads),
                        i = static_cast<std::size_t>(w);
      share(n * i / t, n * (i + 1) / t);
    });
  }
  const CacheInfo info = cached.cache_info();
  const auto calls = static_cast<double>(info.hits + info.misses);
  ctx.counter("hit_rate", calls > 0 ? static_cast<double>(info.hits) / calls : 0.0);
  ctx.counter("evictions", static_cast<double>(cached.evictions()));
  return total.load();
}

// The cases' reference: the same sum found another way — each distinct key's result
// once, times how often the key occurs — so it shares no code with the variants.
// (Unsigned arithmetic wraps, so the order of the additions does not matter.)
template <class F>
std::uint64_t sum_by_counting_keys(const Keys& keys, F f) {
  std::map<std::uint32_t, std::uint64_t> occurrences;
  for (auto k : keys) ++occurrences[k];
  std::uint64_t sum = 0;
  for (const auto& [k, count] : occurrences) sum += count * f(k);
  return sum;
}

// The loop without a cache: `no_cache` and `direct`.
template <class F>
std::uint64_t sum_uncached(const Keys& keys, F f) {
  std::uint64_t sum = 0;
  for (auto k : keys) sum += f(k);
  return sum;
}

}  // namespace idiombench::memoization
