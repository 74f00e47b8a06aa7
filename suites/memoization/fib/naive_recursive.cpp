// fib/naive_recursive: the exponential recursion, as the seed writes it first.
#include "fib/case.hpp"

namespace idiombench::memoization::fib {
namespace {

Output naive(unsigned n, std::uint64_t& calls) {
  ++calls;
  return n < 2 ? n : naive(n - 1, calls) + naive(n - 2, calls);
}

Output naive_recursive(const Input& in, Context& ctx) {
  std::uint64_t calls = 0;
  Output value = naive(in.n, calls);
  ctx.counter("calls", static_cast<double>(calls));
  return value;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "naive_recursive", .model = "serial", .run = naive_recursive});

}  // namespace
}  // namespace idiombench::memoization::fib
