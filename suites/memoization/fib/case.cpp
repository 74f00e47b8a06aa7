#include "fib/case.hpp"

namespace idiombench::memoization::fib {

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "fib",
      .question = "fib(n) the seed's way: how much does memoizing the naive recursion save, "
                  "and what does each cache cost against a loop or a table built at compile time?",
      .make_input = [](const Params& p) { return Input{static_cast<unsigned>(p.integer("n"))}; },
      .reference =
          [](const Input& in) {
            Output a = 0, b = 1;
            for (unsigned i = 0; i < in.n; ++i) b = std::exchange(a, b) + b;
            return a;
          },
      .quick = {integer_axis("n", {20, 30})},
      .full = {integer_axis("n", {10, 20, 30, 35})},
      .conformance = {{{"n", 0}}, {{"n", 1}}, {{"n", 2}}, {{"n", 3}}, {{"n", 17}}, {{"n", 25}}},
      .throughput = [](const Params&) { return Throughput{.items = 1}; },
      .item = "call",
      .baseline = "naive_recursive",
  });
  return c;
}

}  // namespace idiombench::memoization::fib
