// iteration/chain_sum, the source document's functional tools: `sum(chain.from_iterable(
// lists))` and `reduce(operator.add, ...)` — a list of lists of very different lengths
// (empty ones too) flattened and folded, by nested loops, std::views::join, range-v3's
// views::join, or std::transform_reduce over std::reduce of each list.
#pragma once

#include <cstdint>
#include <vector>

#include "idiombench/case.hpp"

namespace idiombench::iteration::chain_sum {

using Input = std::vector<std::vector<std::int32_t>>;
using Output = std::int64_t;

Case<Input, Output>& the_case();

}  // namespace idiombench::iteration::chain_sum
