// cpu_map/std_async: std::async(std::launch::async) per task, a window of `workers`
// futures in flight, collected in order (libstdc++ starts a thread per call).
#include <deque>
#include <future>

#include "cpu_map/case.hpp"
#include "cpu_map/variants.hpp"

namespace idiombench::concurrency::cpu_map {

Results map_std_async(std::span<const Task> tasks, TaskFunction f, int workers) {
  Results out(tasks.size());
  std::deque<std::future<std::uint64_t>> in_flight;
  std::size_t collected = 0;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (in_flight.size() == static_cast<std::size_t>(std::max(1, workers))) {
      out[collected++] = in_flight.front().get();  // rethrows the task's exception
      in_flight.pop_front();
    }
    in_flight.push_back(std::async(std::launch::async, f, std::cref(tasks[i])));
  }
  for (; !in_flight.empty(); in_flight.pop_front()) out[collected++] = in_flight.front().get();
  return out;
}

namespace {
[[maybe_unused]] const auto registered = register_mapper<map_std_async>("std_async", "async");
}

}  // namespace idiombench::concurrency::cpu_map
