// iteration/pipeline_early_exit: filter -> transform -> take(k) over a long, possibly
// costly source. Laziness should stop pulling soon after the k-th result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "idiombench/case.hpp"

namespace idiombench::iteration::pipeline_early_exit {

struct Input {
  std::vector<std::int32_t> values;  // the source's raw elements
  std::size_t k;                     // results wanted
  int cost;                          // mixing rounds to produce one element (0: a load)
};
using Output = std::vector<std::int64_t>;  // the first k results, in order

Case<Input, Output>& the_case();

// Producing one element of the source from its raw value: the value itself, or
// `cost` rounds of integer mixing.
inline std::int64_t produce(std::int32_t raw, int cost) {
  if (cost == 0) return raw;
  auto h = static_cast<std::uint64_t>(static_cast<std::uint32_t>(raw));
  for (int round = 0; round < cost; ++round) {
    h ^= h >> 31;
    h *= 0x9E3779B97F4A7C15u;
    h ^= h >> 29;
  }
  return static_cast<std::int64_t>(h >> 33);
}

inline constexpr auto keep = [](std::int64_t v) { return v % 7 == 0; };
inline constexpr auto square_of = [](std::int64_t v) { return v * v; };

// The source's element function, counting every element it produces (the
// `elements_produced` counter: how much work the pipeline really did).
class CountingSource {
 public:
  CountingSource(int cost, std::size_t& produced) : cost_(cost), produced_(&produced) {}
  std::int64_t operator()(std::int32_t raw) const {
    ++*produced_;
    return produce(raw, cost_);
  }

 private:
  int cost_;
  std::size_t* produced_;
};

}  // namespace idiombench::iteration::pipeline_early_exit
