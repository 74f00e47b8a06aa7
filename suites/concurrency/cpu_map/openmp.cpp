// cpu_map/openmp: `parallel for schedule(dynamic)`. An exception may not leave an
// OpenMP region, so each task's is caught and the first rethrown after it.
#include <exception>

#include "cpu_map/case.hpp"
#include "cpu_map/variants.hpp"

namespace idiombench::concurrency::cpu_map {

Results map_openmp(std::span<const Task> tasks, TaskFunction f, int workers) {
  Results out(tasks.size());
  std::vector<std::exception_ptr> errors(tasks.size());
  const auto n = static_cast<std::ptrdiff_t>(tasks.size());
#pragma omp parallel for schedule(dynamic) num_threads(workers)
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    try {
      out[static_cast<std::size_t>(i)] = f(tasks[static_cast<std::size_t>(i)]);
    } catch (...) {
      errors[static_cast<std::size_t>(i)] = std::current_exception();
    }
  }
  for (auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return out;
}

namespace {
[[maybe_unused]] const auto registered = register_mapper<map_openmp>("openmp", "openmp");
}

}  // namespace idiombench::concurrency::cpu_map
