// sum_squares/range_v3: range-v3 views::transform folded by ranges::accumulate.
#include <range/v3/numeric/accumulate.hpp>
#include "map_producers.hpp"
#include "sum_squares/case.hpp"

namespace idiombench::iteration::sum_squares {
namespace {

Output range_v3(const Input& values) {
  auto squares = range_v3_mapped(std::span<const std::int32_t>(values), square);
  return ranges::accumulate(squares, Output{0});
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "range_v3", .model = "serial", .run = range_v3});

}  // namespace
}  // namespace idiombench::iteration::sum_squares
