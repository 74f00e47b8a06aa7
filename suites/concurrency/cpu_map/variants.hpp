// Every cpu_map variant as a function of (tasks, function, workers), so that the
// contract tests can map functions that count, throw or die. Each returns the results
// in input order and lets a task's exception (or a worker's death) reach the caller.
#pragma once

#include <span>

#include "cpu_map/task.hpp"

namespace idiombench::concurrency::cpu_map {

Results map_sequential(std::span<const Task> tasks, TaskFunction f, int workers);
Results map_thread_per_task(std::span<const Task> tasks, TaskFunction f, int workers);
Results map_thread_pool(std::span<const Task> tasks, TaskFunction f, int workers);
Results map_std_async(std::span<const Task> tasks, TaskFunction f, int workers);
Results map_tbb(std::span<const Task> tasks, TaskFunction f, int workers);
Results map_openmp(std::span<const Task> tasks, TaskFunction f, int workers);
Results map_process_per_task(std::span<const Task> tasks, TaskFunction f, int workers);
// The pools are created per (workers, function) on first use and kept for the process.
Results map_process_pool_pipe(std::span<const Task> tasks, TaskFunction f, int workers);
Results map_process_pool_shm(std::span<const Task> tasks, TaskFunction f, int workers);

}  // namespace idiombench::concurrency::cpu_map
