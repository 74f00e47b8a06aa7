// cpu_map/thread_pool: the project's own pool (thread_pool.hpp), started once per
// worker count; tasks are claimed in chunks from one atomic counter.
#include "idiombench/support/thread_pool.hpp"

#include "cpu_map/case.hpp"
#include "cpu_map/variants.hpp"

namespace idiombench::concurrency::cpu_map {

Results map_thread_pool(std::span<const Task> tasks, TaskFunction f, int workers) {
  Results out(tasks.size());
  support::shared_thread_pool(workers).for_each_index(tasks.size(),
                                                      [&](std::size_t i) { out[i] = f(tasks[i]); });
  return out;
}

namespace {
[[maybe_unused]] const auto registered = register_mapper<map_thread_pool>("thread_pool", "threads");
}

}  // namespace idiombench::concurrency::cpu_map
