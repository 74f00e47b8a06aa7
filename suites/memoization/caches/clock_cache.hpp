// CLOCK, the second-chance approximation of LRU: entries sit in a fixed ring with a
// "referenced" bit that a hit sets (no list to reorder: a hit writes one byte). To make
// room, a hand sweeps the ring: a referenced entry loses its bit and is passed over once,
// the first unreferenced one is evicted.
// What it guarantees: size <= capacity; an entry hit since the hand last passed it
// survives the next eviction; results are those of the function. It does not keep exact
// recency order.
#pragma once

#include <cstddef>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "caches/key_hash.hpp"

namespace idiombench::memoization {

template <class K, class V, class Hash = KeyHash>
class ClockCache {
 public:
  using Key = K;
  using Value = V;

  explicit ClockCache(std::size_t capacity) : capacity_(capacity) {
    slots_.reserve(capacity);
    index_.reserve(capacity);
  }

  std::optional<Value> find(const Key& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    Slot& slot = slots_[it->second];
    slot.referenced = true;
    return slot.value;
  }

  void insert(Key key, Value value) {
    if (capacity_ == 0) return;
    if (auto it = index_.find(key); it != index_.end()) {
      slots_[it->second].value = std::move(value);
      return;
    }
    std::size_t at;
    if (slots_.size() < capacity_) {
      at = slots_.size();
      slots_.push_back({std::move(key), std::move(value), false});
    } else {
      while (slots_[hand_].referenced) {  // second chance
        slots_[hand_].referenced = false;
        hand_ = (hand_ + 1) % capacity_;
      }
      at = hand_;
      hand_ = (hand_ + 1) % capacity_;
      index_.erase(slots_[at].key);
      slots_[at] = {std::move(key), std::move(value), false};
      ++evictions_;
    }
    index_.emplace(slots_[at].key, at);
  }

  std::size_t size() const { return slots_.size(); }
  std::optional<std::size_t> maxsize() const { return capacity_; }
  std::size_t evictions() const { return evictions_; }
  void clear() {
    slots_.clear();
    index_.clear();
    hand_ = 0;
  }
  bool contains(const Key& key) const { return index_.count(key) != 0; }

 private:
  struct Slot {
    Key key;
    Value value;
    bool referenced;
  };
  std::size_t capacity_;
  std::vector<Slot> slots_;
  std::unordered_map<Key, std::size_t, Hash> index_;
  std::size_t hand_ = 0;
  std::size_t evictions_ = 0;
};

}  // namespace idiombench::memoization
