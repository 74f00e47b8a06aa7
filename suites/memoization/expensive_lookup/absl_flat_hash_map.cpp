// expensive_lookup/absl_flat_hash_map: an unbounded absl::flat_hash_map (open addressing).
#include "caches/flat_hash_policy.hpp"
#include "expensive_lookup/case.hpp"

namespace idiombench::memoization::expensive_lookup {
namespace {

[[maybe_unused]] const auto registered =
    add_cache_variant("absl_flat_hash_map", "serial", [](std::size_t) { return FlatHashMap{}; });

}  // namespace
}  // namespace idiombench::memoization::expensive_lookup
