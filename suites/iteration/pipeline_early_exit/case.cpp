#include "pipeline_early_exit/case.hpp"

#include "random_values.hpp"

namespace idiombench::iteration::pipeline_early_exit {

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "pipeline_early_exit",
      .question = "When only the first k results of filter -> transform over a long source "
                  "are wanted, how much work does an eager pipeline waste, and what do "
                  "lazy views and generators cost instead?",
      .make_input =
          [](const Params& p) {
            return Input{random_values(static_cast<std::size_t>(p.integer("n")), -46000, 46000),
                         static_cast<std::size_t>(p.integer("k")),
                         static_cast<int>(p.integer("cost"))};
          },
      // Not the variants' early-exit loop: the whole pipeline computed eagerly, then cut
      // to its first k (a variant that stops early at the wrong place differs).
      .reference =
          [](const Input& in) {
            Output all;
            for (auto raw : in.values) {
              const std::int64_t v = produce(raw, in.cost);
              if (v % 7 == 0) all.push_back(v * v);
            }
            if (all.size() > in.k) all.resize(in.k);
            return all;
          },
      // Python's eager pipeline produces every element, 64 mixing rounds each in the
      // interpreter: seconds per call, so Python stops at 8 rounds.
      // Quick: the pure-Python lists at 10^5 (an eager list of 10^6 takes seconds a call).
      .quick = {{"n", {1000000}, {}, {"python"}},
                {"n", {100000}, {"python"}},
                {"k", {10, 1000}},
                {"cost", {0, 8, 64}, {"serial"}},
                {"cost", {0, 8}, {"python"}}},
      .full = {{"n", {1000000, 10000000}},
               {"k", {1, 10, 1000, 100000}},
               {"cost", {0, 8, 64}, {"serial"}},
               {"cost", {0, 8}, {"python"}}},
      .conformance = {{{"n", 0}, {"k", 3}, {"cost", 0}},
                      {{"n", 1}, {"k", 1}, {"cost", 0}},
                      {{"n", 17}, {"k", 5}, {"cost", 0}},
                      {{"n", 1000}, {"k", 0}, {"cost", 0}},
                      {{"n", 1000}, {"k", 10}, {"cost", 3}},
                      {{"n", 1000}, {"k", 1000}, {"cost", 0}},
                      {{"n", 100003}, {"k", 50}, {"cost", 1}}},
      // Work is counted in results delivered: the question is the cost per result.
      .throughput =
          [](const Params& p) { return Throughput{.items = static_cast<double>(p.integer("k"))}; },
      .item = "element",
      .baseline = "index_loop",
  });
  return c;
}

}  // namespace idiombench::iteration::pipeline_early_exit
