#include "cpu_map/case.hpp"

#include <algorithm>

#include "idiombench/support/cpu_work.hpp"

namespace idiombench::concurrency::cpu_map {
namespace {

const std::vector<std::string> parallel_models = {"threads", "processes", "async",
                                                  "tbb",     "openmp",    "python"};
// The C++ models get the C++ costs; Python's task function, the same rounds in Python, is
// about a hundred times slower per round, so its variants get smaller ones.
const std::vector<std::string> cpp_models = {"serial", "threads", "processes",
                                             "async",  "tbb",     "openmp"};

Input make_input(const Params& p) {
  Input in;
  const auto rounds =
      static_cast<std::uint64_t>(p.integer("cost_us")) * support::cpu_work_rounds_per_microsecond();
  in.tasks.resize(static_cast<std::size_t>(p.integer("tasks")));
  for (std::size_t i = 0; i < in.tasks.size(); ++i) {
    in.tasks[i] = {0x9e3779b97f4a7c15ULL * (i + 1), rounds};
  }
  in.workers = p.contains("workers") ? static_cast<int>(p.integer("workers")) : 1;
  return in;
}

}  // namespace

std::uint64_t run_task(const Task& task) {
  return support::cpu_work(task.seed, task.rounds);
}

Case<Input, Results>& the_case() {
  static auto& c = define_case<Input, Results>({
      .name = "cpu_map",
      .question = "Mapping a pure CPU-bound function over many tasks (Pool.map): what do "
                  "threads, pools, async and processes cost per task, and when do they pay?",
      .make_input = make_input,
      .reference =
          [](const Input& in) {
            Results out(in.tasks.size());
            std::transform(in.tasks.begin(), in.tasks.end(), out.begin(), run_task);
            return out;
          },
      .quick = {integer_axis("cost_us", {1, 10, 100}, cpp_models),
                integer_axis("cost_us", {1, 10}, {"python"}), integer_axis("tasks", {100}),
                integer_axis("workers", worker_counts({.oversubscribe = true}), parallel_models)},
      .full = {integer_axis("cost_us", {1, 10, 100, 10000}, cpp_models),
               integer_axis("cost_us", {1, 10, 100}, {"python"}), integer_axis("tasks", {100}),
               integer_axis("workers", worker_counts({.full = true, .oversubscribe = true}),
                            parallel_models)},
      .conformance = {{{"cost_us", 0}, {"tasks", 0}},
                      {{"cost_us", 1}, {"tasks", 1}},
                      {{"cost_us", 1}, {"tasks", 3}},
                      {{"cost_us", 0}, {"tasks", 17}},
                      {{"cost_us", 0}, {"tasks", 1001}}},
      .throughput =
          [](const Params& p) {
            return Throughput{.items = static_cast<double>(p.integer("tasks"))};
          },
      .item = "task",
      .baseline = "sequential",
      .conformance_axes = {integer_axis("workers", {1, 3}, parallel_models)},
  });
  return c;
}

}  // namespace idiombench::concurrency::cpu_map
