// cpu_map/sequential: a plain loop, the baseline every parallel variant must beat.
#include <algorithm>

#include "cpu_map/case.hpp"
#include "cpu_map/variants.hpp"

namespace idiombench::concurrency::cpu_map {

Results map_sequential(std::span<const Task> tasks, TaskFunction f, int) {
  Results out(tasks.size());
  std::transform(tasks.begin(), tasks.end(), out.begin(), f);
  return out;
}

namespace {
[[maybe_unused]] const auto registered = register_mapper<map_sequential>("sequential", "serial");
}

}  // namespace idiombench::concurrency::cpu_map
