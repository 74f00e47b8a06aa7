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

// Producing element i of the source: a load, or `cost` rounds of integer mixing.
inline std::int64_t produce(const Input& in, std::size_t i) {
  if (in.cost == 0) return in.values[i];
  auto h = static_cast<std::uint64_t>(static_cast<std::uint32_t>(in.values[i]));
  for (int round = 0; round < in.cost; ++round) {
    h ^= h >> 31;
    h *= 0x9E3779B97F4A7C15u;
    h ^= h >> 29;
  }
  return static_cast<std::int64_t>(h >> 33);
}

inline constexpr auto keep = [](std::int64_t v) { return v % 7 == 0; };
inline constexpr auto square_of = [](std::int64_t v) { return v * v; };

// The source as a callable over indices, counting every element it produces (the
// `elements_produced` counter: how much work the pipeline really did).
class CountingSource {
 public:
  CountingSource(const Input& in, std::size_t& produced) : in_(&in), produced_(&produced) {}
  std::int64_t operator()(std::size_t i) const {
    ++*produced_;
    return produce(*in_, i);
  }

 private:
  const Input* in_;
  std::size_t* produced_;
};

}  // namespace idiombench::iteration::pipeline_early_exit
