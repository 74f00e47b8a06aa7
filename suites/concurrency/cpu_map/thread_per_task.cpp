// cpu_map/thread_per_task: a std::jthread for every task, at most `workers` at a time:
// when the window is full the oldest is joined before the next starts, so 10 000 tasks
// never mean 10 000 threads (or their stacks) at once.
#include <deque>
#include <exception>
#include <thread>

#include "cpu_map/case.hpp"
#include "cpu_map/variants.hpp"

namespace idiombench::concurrency::cpu_map {

Results map_thread_per_task(std::span<const Task> tasks, TaskFunction f, int workers) {
  Results out(tasks.size());
  std::vector<std::exception_ptr> errors(tasks.size());
  std::deque<std::jthread> window;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (window.size() == static_cast<std::size_t>(std::max(1, workers))) window.pop_front();
    window.emplace_back([&, i] {
      try {
        out[i] = f(tasks[i]);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    });
  }
  window.clear();  // joins the rest
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
