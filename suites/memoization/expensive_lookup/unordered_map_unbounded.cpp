// expensive_lookup/unordered_map_unbounded: lru_cache(maxsize=None), a std::unordered_map.
#include "expensive_lookup/case.hpp"

namespace idiombench::memoization::expensive_lookup {
namespace {

[[maybe_unused]] const auto registered =
    add_cache_variant("unordered_map_unbounded", "serial", [](std::size_t) { return Unbounded{}; });

}  // namespace
}  // namespace idiombench::memoization::expensive_lookup
