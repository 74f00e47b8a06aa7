#include "sum_squares/case.hpp"

#include <functional>
#include <numeric>

#include "random_values.hpp"

namespace idiombench::iteration::sum_squares {

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "sum_squares",
      .question = "What does each way of producing a sequence (index loop, iterator class, "
                  "views, generators, callbacks, a materialised vector) cost per element "
                  "when the consumer only sums it?",
      .make_input =
          [](const Params& p) {
            return random_values(static_cast<std::size_t>(p.integer("n")), -30000, 30000);
          },
      // std::inner_product of the values with themselves, in 64 bits: not the `square`
      // the variants share, so a wrong square cannot pass.
      .reference =
          [](const Input& values) {
            return std::inner_product(values.begin(), values.end(), values.begin(), Output{0},
                                      std::plus<>{},
                                      [](std::int64_t a, std::int64_t b) { return a * b; });
          },
      .quick = {{"n", {1000, 1000000}}},
      .full = {{"n", {1000, 100000, 10000000}}},
      .conformance = {{{"n", 0}},
                      {{"n", 1}},
                      {{"n", 2}},
                      {{"n", 3}},
                      {{"n", 17}},
                      {{"n", 1000}},
                      {{"n", 100003}}},
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("n"));
            return Throughput{.items = n, .bytes_read = n * sizeof(std::int32_t)};
          },
      .item = "element",
      .baseline = "index_loop",
  });
  return c;
}

}  // namespace idiombench::iteration::sum_squares
