// memoize: the C++ counterpart of @functools.lru_cache. It wraps any callable; the key
// is the tuple of its (decayed) arguments; the cache policy is chosen at the call site:
//
//   auto fib = memoize<std::uint64_t(unsigned)>(
//       [](auto& self, unsigned n) -> std::uint64_t { return n < 2 ? n : self(n - 1) + self(n - 2);
//       }, lru(128));
//   fib(90); fib.cache_info();  // {hits, misses, maxsize, currsize}
//
// Python's semantics, which the contract tests check: a hit returns the cached value
// and counts a hit; a miss counts a miss, calls the function and caches its result; an
// exception from the function caches nothing; maxsize 0 caches nothing; cache_clear()
// empties the cache and zeroes the counters. The function runs outside any lock of the
// cache, so it may call the memoized function again (recursion) and two threads missing
// on one key may both compute it, as in Python.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "caches/clock_cache.hpp"
#include "caches/concurrent_caches.hpp"
#include "caches/key_hash.hpp"
#include "caches/lru_cache.hpp"
#include "caches/unbounded_cache.hpp"

namespace idiombench::memoization {

struct CacheInfo {
  std::uint64_t hits = 0, misses = 0;
  std::optional<std::size_t> maxsize;  // nothing: unbounded
  std::size_t currsize = 0;
  bool operator==(const CacheInfo&) const = default;
};

// Cache policies: each makes the cache for a key and value type.
struct Unbounded {
  template <class K, class V>
  auto make() const {
    return UnboundedCache<std::unordered_map<K, V, KeyHash>>();
  }
};
struct Lru {
  std::size_t maxsize;
  template <class K, class V>
  auto make() const {
    return LruCache<K, V>(maxsize);
  }
};
struct Clock {
  std::size_t capacity;
  template <class K, class V>
  auto make() const {
    return ClockCache<K, V>(capacity);
  }
};
struct MutexLru {
  std::size_t maxsize;
  template <class K, class V>
  auto make() const {
    return Synchronized<LruCache<K, V>>(LruCache<K, V>(maxsize));
  }
};
struct ShardedLru {
  std::size_t maxsize;
  std::size_t shards = 8;
  template <class K, class V>
  auto make() const {
    const std::size_t each = (maxsize + shards - 1) / shards;
    return Sharded<LruCache<K, V>>(shards, [each] { return LruCache<K, V>(each); });
  }
};
inline Unbounded unbounded() {
  return {};
}
inline Lru lru(std::size_t maxsize) {
  return {maxsize};
}

template <class Signature, class Cache, class F>
class Memoized;

// Whether a cache may be called from several threads at once (its `thread_safe`).
template <class Cache>
constexpr bool thread_safe_cache() {
  if constexpr (requires { Cache::thread_safe; }) {
    return Cache::thread_safe;
  } else {
    return false;
  }
}

template <class R, class... Args, class Cache, class F>
class Memoized<R(Args...), Cache, F> {
 public:
  using Key = std::tuple<std::decay_t<Args>...>;

  template <class MakeCache>
  Memoized(F function, MakeCache make_cache)
      : function_(std::move(function)), cache_(make_cache()) {}
  Memoized(const Memoized&) = delete;
  Memoized& operator=(const Memoized&) = delete;

  R operator()(Args... args) {
    Key key(args...);
    if (auto hit = cache_.find(key)) {
      if constexpr (!kCacheCounts) ++hits_;
      return *std::move(hit);
    }
    if constexpr (!kCacheCounts) ++misses_;
    R value = call(args...);  // throws: nothing is cached
    cache_.insert(std::move(key), value);
    return value;
  }

  CacheInfo cache_info() const {
    if constexpr (kCacheCounts) {
      return {cache_.hits(), cache_.misses(), cache_.maxsize(), cache_.size()};
    } else {
      return {hits_, misses_, cache_.maxsize(), cache_.size()};
    }
  }
  void cache_clear() {
    cache_.clear();
    hits_ = 0;
    misses_ = 0;
  }
  std::size_t evictions() const { return cache_.evictions(); }
  Cache& cache() { return cache_; }

 private:
  R call(Args... args) {
    if constexpr (std::is_invocable_r_v<R, F&, Memoized&, Args...>) {
      return function_(*this, args...);  // recursive: calls back through the cache
    } else {
      return function_(args...);
    }
  }

  // A cache threads share counts its own lookups, under its own lock (a shared counter
  // here would bounce a cache line between the threads on every call); otherwise the
  // counts are plain integers here.
  static constexpr bool kCacheCounts = thread_safe_cache<Cache>();

  F function_;
  Cache cache_;
  std::uint64_t hits_ = 0, misses_ = 0;  // unused when kCacheCounts
};

template <class Signature, class F, class Policy>
struct MemoizedFor;
template <class R, class... Args, class F, class Policy>
struct MemoizedFor<R(Args...), F, Policy> {
  using Key = std::tuple<std::decay_t<Args>...>;
  using Cache = decltype(std::declval<Policy>().template make<Key, R>());
  using type = Memoized<R(Args...), Cache, F>;
};

// memoize<R(Args...)>(function, policy): `function` is R(Args...) or, to recurse through
// the cache, R(auto& self, Args...). The result holds a mutex in some policies and is
// neither copied nor moved: `auto f = memoize<...>(...)` constructs it in place.
template <class Signature, class F, class Policy>
typename MemoizedFor<Signature, F, Policy>::type memoize(F function, Policy policy) {
  using For = MemoizedFor<Signature, F, Policy>;
  return typename For::type(std::move(function), [&] {
    return policy.template make<typename For::Key, typename For::Cache::Value>();
  });
}

}  // namespace idiombench::memoization
