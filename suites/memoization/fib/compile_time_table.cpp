// fib/compile_time_table: fib(0 ... 93) computed by the compiler into a constexpr array.
#include <array>

#include "fib/case.hpp"

namespace idiombench::memoization::fib {
namespace {

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

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "compile_time_table", .model = "serial", .run = compile_time_table});

}  // namespace
}  // namespace idiombench::memoization::fib
