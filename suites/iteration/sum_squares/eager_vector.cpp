// sum_squares/eager_vector: materialise every square in a std::vector, then sum it.
#include "map_producers.hpp"
#include "sum_squares/case.hpp"

namespace idiombench::iteration::sum_squares {
namespace {

Output eager_vector(const Input& values) {
  auto squares = eager_mapped(std::span<const std::int32_t>(values), square);
  Output sum = 0;
  for (auto v : squares) sum += v;
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "eager_vector", .model = "serial", .run = eager_vector});

}  // namespace
}  // namespace idiombench::iteration::sum_squares
