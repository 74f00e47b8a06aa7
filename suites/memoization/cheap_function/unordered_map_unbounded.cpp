// cheap_function/unordered_map_unbounded: lru_cache(maxsize=None), a std::unordered_map, through
// memoize().
#include "cheap_function/case.hpp"

namespace idiombench::memoization::cheap_function {
namespace {

[[maybe_unused]] const auto registered = add_cache_variant("unordered_map_unbounded", Unbounded{});

}  // namespace
}  // namespace idiombench::memoization::cheap_function
