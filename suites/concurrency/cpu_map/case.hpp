// concurrency/cpu_map, the seed's Pool.map: apply a pure CPU-bound function to every
// task, results in input order, with threads, pools, processes.
#pragma once

#include <functional>
#include <span>
#include <string>

#include "cpu_map/task.hpp"
#include "idiombench/case.hpp"

namespace idiombench::concurrency::cpu_map {

struct Input {
  std::vector<Task> tasks;
  int workers = 1;  // the `workers` param
};

Case<Input, Results>& the_case();

// The function every variant maps: support::cpu_work(seed, rounds).
std::uint64_t run_task(const Task& task);

// One line per variant file: registers map function `Map` (variants.hpp) as variant `name`.
template <Results (*Map)(std::span<const Task>, TaskFunction, int)>
Registration register_mapper(const std::string& name, const std::string& model,
                             std::function<std::string()> why_unavailable = {}) {
  if (!why_unavailable) why_unavailable = [] { return std::string(); };
  return the_case().add_variant(
      {.name = name,
       .model = model,
       .run = [](const Input& in) { return Map(in.tasks, run_task, in.workers); },
       .why_unavailable = why_unavailable});
}

}  // namespace idiombench::concurrency::cpu_map
