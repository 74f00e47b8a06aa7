// memoization/fib, the seed's example: fib(n) naively (exponential), memoized (linear),
// bottom-up, or looked up in a table computed at compile time. Counter: calls of fib.
#pragma once

#include <cstdint>

#include "idiombench/case.hpp"
#include "memoize.hpp"

namespace idiombench::memoization::fib {

struct Input {
  unsigned n = 0;
};
using Output = std::uint64_t;  // fib(n) for n <= 93 (fib(94) overflows 64 bits)

Case<Input, Output>& the_case();

// fib(n) by the naive recursion, through a memoized `self` with a fresh, cold cache of
// `policy` (the seed's `fib(30)` from scratch); counts the calls that reach the body.
template <class Policy>
Output memoized(const Input& in, Context& ctx, Policy policy) {
  std::uint64_t calls = 0;
  auto fib = memoize<Output(unsigned)>(
      [&calls](auto& self, unsigned n) -> Output {
        ++calls;
        return n < 2 ? n : self(n - 1) + self(n - 2);
      },
      policy);
  Output value = fib(in.n);
  ctx.counter("calls", static_cast<double>(calls));
  return value;
}

}  // namespace idiombench::memoization::fib
