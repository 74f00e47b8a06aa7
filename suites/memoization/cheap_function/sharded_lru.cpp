// cheap_function/sharded_lru: 8 LRU shards with a mutex each, one thread: what sharding costs.
#include "cheap_function/case.hpp"

namespace idiombench::memoization::cheap_function {
namespace {

[[maybe_unused]] const auto registered = add_cache_variant("sharded_lru", (ShardedLru{128, 8}));

}  // namespace
}  // namespace idiombench::memoization::cheap_function
