// concurrency/cpu_map, the seed's Pool.map: apply a pure CPU-bound function to every
// task, results in input order, with threads, pools, processes.
#pragma once

#include "cpu_map/task.hpp"
#include "idiombench/case.hpp"

namespace idiombench::concurrency::cpu_map {

struct Input {
  std::vector<Task> tasks;
  int workers = 1;  // the `workers` param
};

Case<Input, Results>& the_case();

// The function every variant maps: burn(seed, rounds).
std::uint64_t run_task(const Task& task);

}  // namespace idiombench::concurrency::cpu_map
