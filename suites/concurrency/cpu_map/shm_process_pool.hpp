// Pre-forked worker processes that share the tasks and the results with the parent
// through one memfd mapping: zero-copy. Only a one-byte "go" and a one-byte "done" per
// worker cross a socketpair; the workers claim chunks of indices from an atomic counter
// in the shared memory itself. Errors as in PipeProcessPool.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

#include "cpu_map/task.hpp"
#include "idiombench/support/shared_region.hpp"
#include "idiombench/support/worker_processes.hpp"

namespace idiombench::concurrency::cpu_map {

class SharedMemoryProcessPool {
 public:
  // `capacity`: tasks per round through the shared memory (larger maps take rounds).
  SharedMemoryProcessPool(int workers, TaskFunction function, std::size_t capacity = 1 << 16);
  SharedMemoryProcessPool(const SharedMemoryProcessPool&) = delete;
  SharedMemoryProcessPool& operator=(const SharedMemoryProcessPool&) = delete;

  Results map(std::span<const Task> tasks);
  std::vector<pid_t> worker_pids() const { return workers_.pids(); }

  struct Control {
    alignas(64) std::atomic<std::uint64_t> next;
    std::uint64_t count, chunk;
    std::atomic<std::uint32_t> failed;
    char error[256];
  };

 private:
  [[noreturn]] void worker_died(std::size_t worker);
  void round(std::span<const Task> tasks, std::uint64_t* results);

  std::size_t capacity_;
  support::SharedRegion region_;
  Control* control_;
  Task* tasks_;
  std::uint64_t* results_;
  support::WorkerProcesses workers_;  // last: forked once the shared memory is laid out
  bool broken_ = false;
};

}  // namespace idiombench::concurrency::cpu_map
