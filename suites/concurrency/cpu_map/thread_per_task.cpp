// cpu_map/thread_per_task: a std::jthread for every task, at most `workers` alive at a
// time (a counting semaphore), so 10 000 tasks do not mean 10 000 threads at once.
#include <exception>
#include <semaphore>
#include <thread>

#include "cpu_map/register.hpp"

namespace idiombench::concurrency::cpu_map {

Results map_thread_per_task(std::span<const Task> tasks, TaskFunction f, int workers) {
  Results out(tasks.size());
  std::vector<std::exception_ptr> errors(tasks.size());
  std::counting_semaphore<> slots(std::max(1, workers));
  {
    std::vector<std::jthread> threads;
    threads.reserve(tasks.size());
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      slots.acquire();
      threads.emplace_back([&, i] {
        try {
          out[i] = f(tasks[i]);
        } catch (...) {
          errors[i] = std::current_exception();
        }
        slots.release();
      });
    }
  }  // joins every thread
  for (auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return out;
}

namespace {
[[maybe_unused]] const auto registered =
    register_mapper<map_thread_per_task>("thread_per_task", "threads");
}

}  // namespace idiombench::concurrency::cpu_map
