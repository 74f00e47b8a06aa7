// expensive_lookup/no_cache: call the function every time (the baseline).
#include "expensive_lookup/case.hpp"

namespace idiombench::memoization::expensive_lookup {
namespace {

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "no_cache", .model = "serial", .run = [](const Input& in, Context& ctx) -> Output {
       ctx.counter("hit_rate", 0);
       return sum_uncached(in.keys, [r = in.rounds](std::uint32_t k) { return expensive(k, r); });
     }});

}  // namespace
}  // namespace idiombench::memoization::expensive_lookup
