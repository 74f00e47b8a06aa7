#include "expensive_lookup/case.hpp"

#include "workload.hpp"

namespace idiombench::memoization::expensive_lookup {
namespace {

std::uint64_t rounds_for(std::int64_t cost_ns) {
  return static_cast<std::uint64_t>(cost_ns) * support::cpu_work_rounds_per_microsecond() / 1000;
}

}  // namespace

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "expensive_lookup",
      .question = "A pure function costing a chosen time, called with skewed (Zipf) or uniform "
                  "keys: when does a cache pay, which cache, and what does thread safety cost?",
      .make_input =
          [](const Params& p) {
            return Input{
                draw_keys(p.text("distribution"), static_cast<std::uint32_t>(p.integer("keys")),
                          static_cast<std::size_t>(p.integer("calls"))),
                rounds_for(p.integer("cost_ns")), static_cast<std::size_t>(p.integer("capacity")),
                p.contains("threads") ? static_cast<int>(p.integer("threads")) : 1};
          },
      .reference =
          [](const Input& in) {
            return sum_by_counting_keys(
                in.keys, [r = in.rounds](std::uint32_t k) { return expensive(k, r); });
          },
      .quick = {ParamAxis{"distribution", {std::string("zipf"), std::string("uniform")}},
                integer_axis("keys", {10000}), integer_axis("calls", {20000}),
                integer_axis("capacity", {128, 1024}), integer_axis("cost_ns", {100, 2000}),
                integer_axis("threads", {2}, {"threads"})},
      .full = {ParamAxis{"distribution", {std::string("zipf"), std::string("uniform")}},
               integer_axis("keys", {10000}), integer_axis("calls", {100000}),
               integer_axis("capacity", {16, 64, 256, 1024, 4096}),
               integer_axis("cost_ns", {25, 100, 400, 2000, 10000}),
               integer_axis("threads", worker_counts({.full = true, .oversubscribe = true}),
                            {"threads"})},
      .conformance = {{{"distribution", std::string("zipf")},
                       {"keys", 1},
                       {"calls", 0},
                       {"capacity", 0},
                       {"cost_ns", 0}},
                      {{"distribution", std::string("zipf")},
                       {"keys", 1},
                       {"calls", 1},
                       {"capacity", 1},
                       {"cost_ns", 10}},
                      {{"distribution", std::string("uniform")},
                       {"keys", 3},
                       {"calls", 17},
                       {"capacity", 2},
                       {"cost_ns", 10}},
                      {{"distribution", std::string("zipf")},
                       {"keys", 1000},
                       {"calls", 10007},
                       {"capacity", 64},
                       {"cost_ns", 10}}},
      .throughput =
          [](const Params& p) {
            return Throughput{.items = static_cast<double>(p.integer("calls"))};
          },
      .item = "lookup",
      .baseline = "no_cache",
      .conformance_axes = {integer_axis("threads", {1, 3}, {"threads"})},
  });
  return c;
}

}  // namespace idiombench::memoization::expensive_lookup
