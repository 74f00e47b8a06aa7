// fib/memo_flat_hash_map: an unbounded absl::flat_hash_map.
#include "caches/flat_hash_policy.hpp"
#include "fib/case.hpp"

namespace idiombench::memoization::fib {
namespace {

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "memo_flat_hash_map", .model = "serial", .run = [](const Input& in, Context& ctx) {
       return memoized(in, ctx, FlatHashMap{});
     }});

}  // namespace
}  // namespace idiombench::memoization::fib
