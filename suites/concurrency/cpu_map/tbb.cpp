// cpu_map/tbb: tbb::parallel_for in a task_arena of `workers` threads (kept per worker
// count); TBB's work stealing and auto partitioner choose the chunks, and a task's
// exception cancels the loop and reaches the caller.
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include "cpu_map/case.hpp"
#include "cpu_map/variants.hpp"
#include "idiombench/support/tbb_arena.hpp"

namespace idiombench::concurrency::cpu_map {

Results map_tbb(std::span<const Task> tasks, TaskFunction f, int workers) {
  Results out(tasks.size());
  support::arena_for(workers).execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, tasks.size()),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        for (std::size_t i = r.begin(); i < r.end(); ++i) out[i] = f(tasks[i]);
                      });
  });
  return out;
}

namespace {
[[maybe_unused]] const auto registered = register_mapper<map_tbb>("tbb", "tbb");
}

}  // namespace idiombench::concurrency::cpu_map
