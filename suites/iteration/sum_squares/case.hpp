// iteration/sum_squares: the seed's `sum(x * x for x in values)`.
#pragma once

#include <cstdint>
#include <vector>

#include "idiombench/case.hpp"

namespace idiombench::iteration::sum_squares {

using Input = std::vector<std::int32_t>;
using Output = std::int64_t;

Case<Input, Output>& the_case();

// The element function every variant applies (widened first: no overflow). A
// lambda object, so producers get it as a type and inline it.
inline constexpr auto square = [](std::int32_t x) { return std::int64_t{x} * x; };

}  // namespace idiombench::iteration::sum_squares
