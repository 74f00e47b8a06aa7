// The unbounded cache on Abseil's flat_hash_map (open addressing, values stored in the
// table itself): the policy for memoize().
#pragma once

#include <absl/container/flat_hash_map.h>

#include "caches/unbounded_cache.hpp"

namespace idiombench::memoization {

struct FlatHashMap {
  template <class K, class V>
  auto make() const {
    return UnboundedCache<absl::flat_hash_map<K, V>>();
  }
};

}  // namespace idiombench::memoization
