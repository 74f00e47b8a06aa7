// An unbounded cache: lru_cache(maxsize=None). Any map with find/emplace works:
// std::unordered_map (node-based) or absl::flat_hash_map (open addressing, values inline).
#pragma once

#include <cstddef>
#include <optional>
#include <utility>

namespace idiombench::memoization {

template <class Map>
class UnboundedCache {
 public:
  using Key = typename Map::key_type;
  using Value = typename Map::mapped_type;

  std::optional<Value> find(const Key& key) {
    auto it = map_.find(key);
    if (it == map_.end()) return std::nullopt;
    return it->second;
  }
  void insert(Key key, Value value) { map_.emplace(std::move(key), std::move(value)); }
  std::size_t size() const { return map_.size(); }
  std::optional<std::size_t> maxsize() const { return std::nullopt; }
  std::size_t evictions() const { return 0; }
  void clear() { map_.clear(); }

 private:
  Map map_;
};

}  // namespace idiombench::memoization
