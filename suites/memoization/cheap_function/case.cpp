#include "cheap_function/case.hpp"

#include "workload.hpp"

namespace idiombench::memoization::cheap_function {

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "cheap_function",
      .question = "Memoizing a function cheaper than a hash lookup: what does a cache hit cost in "
                  "each cache, and how much does caching lose?",
      .make_input =
          [](const Params& p) {
            return draw_keys("uniform", static_cast<std::uint32_t>(p.integer("keys")),
                             static_cast<std::size_t>(p.integer("calls")));
          },
      .reference = [](const Input& keys) { return sum_by_counting_keys(keys, cheap); },
      .quick = {integer_axis("keys", {100}), integer_axis("calls", {100000})},
      .full = {integer_axis("keys", {100}), integer_axis("calls", {1000000})},
      .conformance = {{{"keys", 1}, {"calls", 0}},
                      {{"keys", 1}, {"calls", 1}},
                      {{"keys", 3}, {"calls", 17}},
                      {{"keys", 100}, {"calls", 10007}},
                      {{"keys", 1000}, {"calls", 5000}}},
      .throughput =
          [](const Params& p) {
            return Throughput{.items = static_cast<double>(p.integer("calls"))};
          },
      .item = "call",
      .baseline = "direct",
  });
  return c;
}

}  // namespace idiombench::memoization::cheap_function
