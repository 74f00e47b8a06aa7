// A pool of pre-forked worker processes fed through pipes, like Python's
// multiprocessing.Pool: tasks go to the workers in chunks (Pool.map's default size:
// tasks / (4 * workers)), serialised as bytes, and results come back the same way.
// Each worker has a socketpair (a two-way pipe). A task that throws fails the map with
// its message; a worker that dies fails it with how it died, and the pool is then
// broken (like concurrent.futures' BrokenProcessPool): every later map throws.
#pragma once

#include <sys/types.h>

#include <span>
#include <vector>

#include "cpu_map/task.hpp"
#include "idiombench/support/worker_processes.hpp"

namespace idiombench::concurrency::cpu_map {

class PipeProcessPool {
 public:
  PipeProcessPool(int workers, TaskFunction function);
  PipeProcessPool(const PipeProcessPool&) = delete;
  PipeProcessPool& operator=(const PipeProcessPool&) = delete;

  Results map(std::span<const Task> tasks);
  std::vector<pid_t> worker_pids() const { return workers_.pids(); }

 private:
  [[noreturn]] void worker_died(std::size_t worker);

  support::WorkerProcesses workers_;  // destroyed with the pool: channels closed, workers reaped
  bool broken_ = false;
};

}  // namespace idiombench::concurrency::cpu_map
