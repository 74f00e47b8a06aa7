// cpu_map/process_pool_pipe and process_pool_shm: pre-forked workers (pipe_process_pool.hpp,
// shm_process_pool.hpp), one pool per (workers, function) kept for the process, the
// way a program keeps its multiprocessing.Pool.
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "cpu_map/case.hpp"
#include "cpu_map/pipe_process_pool.hpp"
#include "cpu_map/shm_process_pool.hpp"
#include "cpu_map/variants.hpp"

namespace idiombench::concurrency::cpu_map {
namespace {

// A broken pool (a worker died) is replaced on the next call.
template <class Pool>
Results map_with(std::span<const Task> tasks, TaskFunction f, int workers) {
  static std::mutex mutex;
  static std::map<std::pair<int, TaskFunction>, std::unique_ptr<Pool>> pools;
  std::lock_guard lock(mutex);
  auto& pool = pools[{workers, f}];
  if (!pool) pool = std::make_unique<Pool>(workers, f);
  try {
    return pool->map(tasks);
  } catch (...) {
    if (pool->worker_pids().size() != static_cast<std::size_t>(std::max(1, workers))) pool.reset();
    throw;
  }
}

}  // namespace

Results map_process_pool_pipe(std::span<const Task> tasks, TaskFunction f, int workers) {
  return map_with<PipeProcessPool>(tasks, f, workers);
}

Results map_process_pool_shm(std::span<const Task> tasks, TaskFunction f, int workers) {
  return map_with<SharedMemoryProcessPool>(tasks, f, workers);
}

namespace {
[[maybe_unused]] const auto registered = {
    register_mapper<map_process_pool_pipe>("process_pool_pipe", "processes"),
    register_mapper<map_process_pool_shm>("process_pool_shm", "processes"),
};
}

}  // namespace idiombench::concurrency::cpu_map
