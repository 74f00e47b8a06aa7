// What cpu_map maps: a task is plain data (seed and cost), the function a plain
// function pointer, so both cross into a forked worker unchanged.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace idiombench::concurrency::cpu_map {

struct Task {
  std::uint64_t seed;
  std::uint64_t rounds;
};

using TaskFunction = std::uint64_t (*)(const Task&);
using Results = std::vector<std::uint64_t>;

}  // namespace idiombench::concurrency::cpu_map
