// Caches many threads may call at once.
//  Synchronized<Cache>: one mutex around any cache (what lru_cache does under the GIL's
//    wing; here a real lock). The function itself runs outside the lock (see memoize.hpp).
//  Sharded<Cache>: N independent caches, each with its own mutex, a key's shard chosen
//    by its hash: contention divided by N, LRU order kept per shard only (the whole is
//    an approximation of one LRU of N x capacity/N). Each shard has cache lines of its
//    own, so two threads on two shards share no line.
// Both count their hits and misses themselves, under the lock they take anyway: shared
// atomic counters beside the cache would bounce a cache line between the threads on
// every call, the very contention sharding removes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "caches/key_hash.hpp"

namespace idiombench::memoization {

template <class Cache>
class Synchronized {
 public:
  using Key = typename Cache::Key;
  using Value = typename Cache::Value;
  static constexpr bool thread_safe = true;

  explicit Synchronized(Cache cache) : cache_(std::move(cache)) {}

  // A lookup, counted as a hit or a miss.
  std::optional<Value> find(const Key& key) {
    std::lock_guard lock(mutex_);
    auto found = cache_.find(key);
    ++(found ? hits_ : misses_);
    return found;
  }
  std::uint64_t hits() const {
    std::lock_guard lock(mutex_);
    return hits_;
  }
  std::uint64_t misses() const {
    std::lock_guard lock(mutex_);
    return misses_;
  }
  void insert(Key key, Value value) {
    std::lock_guard lock(mutex_);
    cache_.insert(std::move(key), std::move(value));
  }
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return cache_.size();
  }
  std::optional<std::size_t> maxsize() const { return cache_.maxsize(); }
  std::size_t evictions() const {
    std::lock_guard lock(mutex_);
    return cache_.evictions();
  }
  void clear() {
    std::lock_guard lock(mutex_);
    cache_.clear();
    hits_ = misses_ = 0;
  }

 private:
  mutable std::mutex mutex_;
  Cache cache_;
  std::uint64_t hits_ = 0, misses_ = 0;  // under mutex_
};

// The size of the lines two cores must not share (64 bytes on x86; Apple's arm64 has 128).
inline constexpr std::size_t kCacheLine = 128;

template <class Cache, class Hash = KeyHash>
class Sharded {
 public:
  using Key = typename Cache::Key;
  using Value = typename Cache::Value;
  static constexpr bool thread_safe = true;

  // `make_shard()` builds each shard's cache.
  template <class MakeShard>
  Sharded(std::size_t shards, MakeShard make_shard) {
    for (std::size_t i = 0; i < std::max<std::size_t>(1, shards); ++i) {
      shards_.push_back(std::make_unique<Shard>(make_shard()));
    }
  }

  std::optional<Value> find(const Key& key) { return shard(key).find(key); }
  std::uint64_t hits() const {
    std::uint64_t total = 0;
    for (const auto& s : shards_) total += s->cache.hits();
    return total;
  }
  std::uint64_t misses() const {
    std::uint64_t total = 0;
    for (const auto& s : shards_) total += s->cache.misses();
    return total;
  }
  void insert(Key key, Value value) {
    auto& s = shard(key);
    s.insert(std::move(key), std::move(value));
  }
  std::size_t size() const {
    std::size_t total = 0;
    for (const auto& s : shards_) total += s->cache.size();
    return total;
  }
  std::optional<std::size_t> maxsize() const {
    std::size_t total = 0;
    for (const auto& s : shards_) total += s->cache.maxsize().value_or(0);
    return total;
  }
  std::size_t evictions() const {
    std::size_t total = 0;
    for (const auto& s : shards_) total += s->cache.evictions();
    return total;
  }
  void clear() {
    for (auto& s : shards_) s->cache.clear();
  }

 private:
  // Aligned (and so padded) to whole lines: a shard's mutex and counters share no line
  // with its neighbour's, nor with the shard table the threads all read.
  struct alignas(kCacheLine) Shard {
    explicit Shard(Cache c) : cache(std::move(c)) {}
    Synchronized<Cache> cache;
  };

  Synchronized<Cache>& shard(const Key& key) {
    // Mixed first (MurmurHash3's finaliser): a hash of small integers is nearly the
    // integer itself, and its high bits would send every key to one shard.
    std::uint64_t h = Hash{}(key);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return shards_[h % shards_.size()]->cache;
  }
  std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace idiombench::memoization
