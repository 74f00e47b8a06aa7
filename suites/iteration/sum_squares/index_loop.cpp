// sum_squares/index_loop: a plain counted loop over the vector: the baseline.
#include <cstddef>
#include "map_producers.hpp"
#include "sum_squares/case.hpp"

namespace idiombench::iteration::sum_squares {
namespace {

Output index_loop(const Input& values) {
  Output sum = 0;
  for (std::size_t i = 0; i < values.size(); ++i) sum += square(values[i]);
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "index_loop", .model = "serial", .run = index_loop});

}  // namespace
}  // namespace idiombench::iteration::sum_squares
