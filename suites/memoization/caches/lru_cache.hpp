// The classic LRU cache: a doubly linked list in recency order plus a hash map from key
// to list node. A hit moves its node to the front (most recent); an insert into a full
// cache drops the back (least recent). maxsize 0 caches nothing, as in Python.
#pragma once

#include <cstddef>
#include <list>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "caches/key_hash.hpp"

namespace idiombench::memoization {

template <class K, class V, class Hash = KeyHash>
class LruCache {
 public:
  using Key = K;
  using Value = V;

  explicit LruCache(std::size_t maxsize) : maxsize_(maxsize) { index_.reserve(maxsize); }

  std::optional<Value> find(const Key& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    entries_.splice(entries_.begin(), entries_, it->second);  // now the most recent
    return it->second->second;
  }

  void insert(Key key, Value value) {
    if (maxsize_ == 0) return;
    if (auto it = index_.find(key); it != index_.end()) {  // a racing caller got there first
      it->second->second = std::move(value);
      entries_.splice(entries_.begin(), entries_, it->second);
      return;
    }
    if (entries_.size() == maxsize_) {
      index_.erase(entries_.back().first);
      entries_.pop_back();
      ++evictions_;
    }
    entries_.emplace_front(std::move(key), std::move(value));
    index_.emplace(entries_.front().first, entries_.begin());
  }

  std::size_t size() const { return entries_.size(); }
  std::optional<std::size_t> maxsize() const { return maxsize_; }
  std::size_t evictions() const { return evictions_; }
  void clear() {
    index_.clear();
    entries_.clear();
  }
  // Keys from the least to the most recently used (the order evictions take).
  std::vector<Key> keys_by_age() const {
    std::vector<Key> keys;
    for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) keys.push_back(it->first);
    return keys;
  }

 private:
  using Entries = std::list<std::pair<Key, Value>>;
  std::size_t maxsize_;
  Entries entries_;
  std::unordered_map<Key, typename Entries::iterator, Hash> index_;
  std::size_t evictions_ = 0;
};

}  // namespace idiombench::memoization
