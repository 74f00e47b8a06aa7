// Deliberately wrong variants, linked into memoization_conformance only: each case's
// conformance must reject its mutant at one size at least (conformance_main checks).
#include <unordered_map>
#include <utility>

#include "cheap_function/case.hpp"
#include "expensive_lookup/case.hpp"
#include "fib/case.hpp"

namespace idiombench::memoization {
namespace {

// A cache whose key drops the lowest bit: keys 2j and 2j+1 share one entry, so the
// second to arrive gets the first one's value (a key that is not the whole argument).
template <class F>
std::uint64_t sum_through_colliding_cache(const Keys& keys, F f) {
  std::unordered_map<std::uint32_t, std::uint64_t> cache;
  std::uint64_t sum = 0;
  for (auto k : keys) {
    auto [at, inserted] = cache.try_emplace(k >> 1, 0);
    if (inserted) at->second = f(k);
    sum += at->second;
  }
  return sum;
}

[[maybe_unused]] const auto mutants = {
    // fib(n - 1) for fib(n): one step short.
    fib::the_case().add_variant({.name = "mutant_one_step_short",
                                 .model = "serial",
                                 .run =
                                     [](const fib::Input& in) {
                                       fib::Output a = 0, b = 1;
                                       for (unsigned i = 1; i < in.n; ++i)
                                         b = std::exchange(a, b) + b;
                                       return a;
                                     }}),
    expensive_lookup::the_case().add_variant({.name = "mutant_colliding_keys",
                                              .model = "serial",
                                              .run =
                                                  [](const expensive_lookup::Input& in) {
                                                    return sum_through_colliding_cache(
                                                        in.keys, [r = in.rounds](std::uint32_t k) {
                                                          return expensive_lookup::expensive(k, r);
                                                        });
                                                  }}),
    cheap_function::the_case().add_variant({.name = "mutant_colliding_keys",
                                            .model = "serial",
                                            .run =
                                                [](const cheap_function::Input& keys) {
                                                  return sum_through_colliding_cache(
                                                      keys, cheap_function::cheap);
                                                }}),
};

}  // namespace
}  // namespace idiombench::memoization
