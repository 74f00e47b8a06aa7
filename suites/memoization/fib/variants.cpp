// memoization/fib variants. The memoized ones wrap the same naive recursion with
// memoize() (a fresh, cold cache per call: the seed's `fib(30)` from scratch) and
// count the calls that reach the function body.
#include <array>
#include <utility>

#include "caches/flat_hash_policy.hpp"
#include "fib/case.hpp"
#include "memoize.hpp"

namespace idiombench::memoization::fib {
namespace {

struct Counted {
  std::uint64_t calls = 0;
};

Output naive(unsigned n, Counted& c) {
  ++c.calls;
  return n < 2 ? n : naive(n - 1, c) + naive(n - 2, c);
}

Output naive_recursive(const Input& in, Context& ctx) {
  Counted c;
  Output value = naive(in.n, c);
  ctx.counter("calls", static_cast<double>(c.calls));
  return value;
}

// The naive recursion, recursing through the memoized `self`.
template <class Policy>
Output memoized(const Input& in, Context& ctx, Policy policy) {
  Counted c;
  auto fib = memoize<Output(unsigned)>(
      [&c](auto& self, unsigned n) -> Output {
        ++c.calls;
        return n < 2 ? n : self(n - 1) + self(n - 2);
      },
      policy);
  Output value = fib(in.n);
  ctx.counter("calls", static_cast<double>(c.calls));
  return value;
}

Output bottom_up(const Input& in, Context& ctx) {
  Output a = 0, b = 1;
  for (unsigned i = 0; i < in.n; ++i) b = std::exchange(a, b) + b;
  ctx.counter("calls", 0);
  return a;
}

constexpr std::array<Output, 94> kTable = [] {
  std::array<Output, 94> t{};
  t[1] = 1;
  for (std::size_t i = 2; i < t.size(); ++i) t[i] = t[i - 1] + t[i - 2];
  return t;
}();
static_assert(kTable[93] == 12200160415121876738ULL);

Output compile_time_table(const Input& in, Context& ctx) {
  ctx.counter("calls", 0);
  return kTable.at(in.n);  // n > 93 does not fit 64 bits: out_of_range
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant({.name = "naive_recursive", .model = "serial", .run = naive_recursive}),
    the_case().add_variant(
        {.name = "memo_unordered_map",
         .model = "serial",
         .run = [](const Input& in, Context& ctx) { return memoized(in, ctx, unbounded()); }}),
    the_case().add_variant(
        {.name = "memo_flat_hash_map",
         .model = "serial",
         .run = [](const Input& in, Context& ctx) { return memoized(in, ctx, FlatHashMap{}); }}),
    the_case().add_variant(
        {.name = "lru_bounded",
         .model = "serial",
         .run = [](const Input& in, Context& ctx) { return memoized(in, ctx, lru(128)); }}),
    the_case().add_variant({.name = "bottom_up", .model = "serial", .run = bottom_up}),
    the_case().add_variant(
        {.name = "compile_time_table", .model = "serial", .run = compile_time_table}),
};

}  // namespace
}  // namespace idiombench::memoization::fib
