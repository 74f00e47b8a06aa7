// memoization/fib, the seed's example: fib(n) naively (exponential), memoized (linear),
// bottom-up, or looked up in a table computed at compile time. Counter: calls of fib.
#pragma once

#include <cstdint>

#include "idiombench/case.hpp"

namespace idiombench::memoization::fib {

struct Input {
  unsigned n = 0;
};
using Output = std::uint64_t;  // fib(n) for n <= 93 (fib(94) overflows 64 bits)

Case<Input, Output>& the_case();

}  // namespace idiombench::memoization::fib
