// Deterministic inputs: the same values on every machine and run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace idiombench::iteration {

inline std::vector<std::int32_t> random_values(std::size_t n, std::int32_t low, std::int32_t high,
                                               std::uint64_t seed = 20261125) {
  std::mt19937_64 engine(seed);
  std::uniform_int_distribution<std::int32_t> pick(low, high);
  std::vector<std::int32_t> values(n);
  for (auto& v : values) v = pick(engine);
  return values;
}

}  // namespace idiombench::iteration
