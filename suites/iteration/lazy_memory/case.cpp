#include "lazy_memory/case.hpp"

namespace idiombench::iteration::lazy_memory {

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "lazy_memory",
      .question = "How much memory does an eager generate -> filter -> transform -> sum "
                  "pipeline hold at its peak, against lazy generators and views, and what "
                  "does the allocation cost in time?",
      .make_input = [](const Params& p) { return Input{static_cast<std::size_t>(p.integer("n"))}; },
      // Not the variants' filter -> transform -> sum: every record's amount summed by
      // category, then the selected category's total weighted (3 x, category 0).
      .reference =
          [](const Input& in) {
            std::int64_t by_category[4] = {};
            for (std::size_t i = 0; i < in.records; ++i) {
              const auto r = make_record(i);
              by_category[r.category & 3] += r.amount;
            }
            return Output{3 * by_category[0]};
          },
      // Pure Python at 10^6 records takes seconds a call (and tracemalloc's run ~5x that):
      // its quick point is 10^5, the C++ variants' 10^6; the full profile has both at 10^6.
      .quick = {{"n", {1000000}, {}, {"python"}}, {"n", {100000}, {"python"}}},
      .full = {{"n", {1000000, 10000000}}},
      .conformance =
          {{{"n", 0}}, {{"n", 1}}, {{"n", 3}}, {{"n", 17}}, {{"n", 1000}}, {{"n", 100003}}},
      .throughput =
          [](const Params& p) { return Throughput{.items = static_cast<double>(p.integer("n"))}; },
      .item = "element",
      .baseline = "index_loop",
  });
  return c;
}

}  // namespace idiombench::iteration::lazy_memory
