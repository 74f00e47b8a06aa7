// wrappers/call_through_wrapper, the source document's `timed` decorator: what does it
// cost to call a small function through a wrapper — a template (the decorator as a
// higher-order function), std::bind_front, std::function, absl::FunctionRef, a virtual
// call, or a decorator that times every call — against calling it directly?
#pragma once

#include <cstdint>
#include <vector>

#include "idiombench/case.hpp"

namespace idiombench::wrappers::call_through_wrapper {

// The small function every variant calls: a few integer operations, so the cost of the
// call itself shows. Defined here (inlinable) and, with the same body, in callee.cpp.
inline std::uint64_t small_function(std::uint64_t x, std::uint64_t salt) {
  x ^= salt;
  x ^= x >> 31;
  return x * 0x9E3779B97F4A7C15u;
}

// The same function in another translation unit: without LTO no caller can inline it,
// as when the decorated function lives in another library.
std::uint64_t small_function_elsewhere(std::uint64_t x, std::uint64_t salt);

struct Input {
  std::vector<std::uint64_t> arguments;
  std::uint64_t salt = 0;
  bool elsewhere = false;  // params callee:elsewhere
};
using Output = std::uint64_t;  // the sum (mod 2^64) of the function's results

Case<Input, Output>& the_case();

// Sums f(x, salt) over the arguments; `f` is the wrapper under test.
template <class F>
Output sum_of_calls(const Input& in, F&& f) {
  Output sum = 0;
  for (auto x : in.arguments) sum += f(x, in.salt);
  return sum;
}

// Calls `inlined` when the case's callee is the header's function, `elsewhere` when it
// is callee.cpp's: the variant builds its wrapper around whichever it is given.
template <class Run>
Output with_callee(const Input& in, Run run) {
  return in.elsewhere ? run(&small_function_elsewhere)
                      : run([](std::uint64_t x, std::uint64_t s) { return small_function(x, s); });
}

}  // namespace idiombench::wrappers::call_through_wrapper
