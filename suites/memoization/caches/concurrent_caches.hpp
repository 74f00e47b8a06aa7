// Caches many threads may call at once.
//  Synchronized<Cache>: one mutex around any cache (what lru_cache does under the GIL's
//    wing; here a real lock). The function itself runs outside the lock (see memoize.hpp).
//  Sharded<Cache>: N independent caches, each with its own mutex, a key's shard chosen
//    by its hash: contention divided by N, LRU order kept per shard only (the whole is
//    an approximation of one LRU of N x capacity/N).
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

  std::optional<Value> find(const Key& key) {
    std::lock_guard lock(mutex_);
    return cache_.find(key);
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
  }

 private:
  mutable std::mutex mutex_;
  Cache cache_;
};

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
      shards_.push_back(std::make_unique<Synchronized<Cache>>(make_shard()));
    }
  }

  std::optional<Value> find(const Key& key) { return shard(key).find(key); }
  void insert(Key key, Value value) {
    auto& s = shard(key);
    s.insert(std::move(key), std::move(value));
  }
  std::size_t size() const {
    std::size_t total = 0;
    for (const auto& s : shards_) total += s->size();
    return total;
  }
  std::optional<std::size_t> maxsize() const {
    std::size_t total = 0;
    for (const auto& s : shards_) total += s->maxsize().value_or(0);
    return total;
  }
  std::size_t evictions() const {
    std::size_t total = 0;
    for (const auto& s : shards_) total += s->evictions();
    return total;
  }
  void clear() {
    for (auto& s : shards_) s->clear();
  }

 private:
  Synchronized<Cache>& shard(const Key& key) {
    // Mixed first (MurmurHash3's finaliser): a hash of small integers is nearly the
    // integer itself, and its high bits would send every key to one shard.
    std::uint64_t h = Hash{}(key);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return *shards_[h % shards_.size()];
  }
  std::vector<std::unique_ptr<Synchronized<Cache>>> shards_;
};

}  // namespace idiombench::memoization
