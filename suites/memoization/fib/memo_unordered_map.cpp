// fib/memo_unordered_map: @lru_cache(maxsize=None), a std::unordered_map.
#include "fib/case.hpp"

namespace idiombench::memoization::fib {
namespace {

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "memo_unordered_map", .model = "serial", .run = [](const Input& in, Context& ctx) {
       return memoized(in, ctx, unbounded());
     }});

}  // namespace
}  // namespace idiombench::memoization::fib
