// fib/bottom_up: two variables and a loop, no cache at all.
#include <utility>

#include "fib/case.hpp"

namespace idiombench::memoization::fib {
namespace {

Output bottom_up(const Input& in, Context& ctx) {
  Output a = 0, b = 1;
  for (unsigned i = 0; i < in.n; ++i) b = std::exchange(a, b) + b;
  ctx.counter("calls", 0);
  return a;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "bottom_up", .model = "serial", .run = bottom_up});

}  // namespace
}  // namespace idiombench::memoization::fib
