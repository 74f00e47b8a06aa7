// expensive_lookup/lru_list_map: lru_cache(maxsize=capacity), a list and a map, exact LRU.
#include "expensive_lookup/case.hpp"

namespace idiombench::memoization::expensive_lookup {
namespace {

[[maybe_unused]] const auto registered =
    add_cache_variant("lru_list_map", "serial", [](std::size_t n) { return Lru{n}; });

}  // namespace
}  // namespace idiombench::memoization::expensive_lookup
