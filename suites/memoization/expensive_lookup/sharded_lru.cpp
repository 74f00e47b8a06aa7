// expensive_lookup/sharded_lru: `threads` threads sharing 8 LRU shards, a mutex each.
#include "expensive_lookup/case.hpp"

namespace idiombench::memoization::expensive_lookup {
namespace {

[[maybe_unused]] const auto registered =
    add_cache_variant("sharded_lru", "threads", [](std::size_t n) {
      return ShardedLru{n, 8};
    });

}  // namespace
}  // namespace idiombench::memoization::expensive_lookup
