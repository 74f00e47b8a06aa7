// cheap_function/mutex_lru: one LRU behind one mutex, uncontended (one thread): what the lock
// costs.
#include "cheap_function/case.hpp"

namespace idiombench::memoization::cheap_function {
namespace {

[[maybe_unused]] const auto registered = add_cache_variant("mutex_lru", MutexLru{128});

}  // namespace
}  // namespace idiombench::memoization::cheap_function
