// expensive_lookup/mutex_lru: `threads` threads sharing one LRU behind one mutex.
#include "expensive_lookup/case.hpp"

namespace idiombench::memoization::expensive_lookup {
namespace {

[[maybe_unused]] const auto registered =
    add_cache_variant("mutex_lru", "threads", [](std::size_t n) { return MutexLru{n}; });

}  // namespace
}  // namespace idiombench::memoization::expensive_lookup
