// fib/lru_bounded: @lru_cache(maxsize=128), exact LRU.
#include "fib/case.hpp"

namespace idiombench::memoization::fib {
namespace {

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "lru_bounded", .model = "serial", .run = [](const Input& in, Context& ctx) {
       return memoized(in, ctx, lru(128));
     }});

}  // namespace
}  // namespace idiombench::memoization::fib
