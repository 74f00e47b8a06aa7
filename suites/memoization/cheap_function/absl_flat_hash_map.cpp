// cheap_function/absl_flat_hash_map: an unbounded absl::flat_hash_map through memoize().
#include "caches/flat_hash_policy.hpp"
#include "cheap_function/case.hpp"

namespace idiombench::memoization::cheap_function {
namespace {

[[maybe_unused]] const auto registered = add_cache_variant("absl_flat_hash_map", FlatHashMap{});

}  // namespace
}  // namespace idiombench::memoization::cheap_function
