// cheap_function/lru_list_map: lru_cache(maxsize=128): a list and a map, exact LRU.
#include "cheap_function/case.hpp"

namespace idiombench::memoization::cheap_function {
namespace {

[[maybe_unused]] const auto registered = add_cache_variant("lru_list_map", Lru{128});

}  // namespace
}  // namespace idiombench::memoization::cheap_function
