// sum_squares/callback: internal iteration: the producer calls a template visitor per element.
#include "map_producers.hpp"
#include "sum_squares/case.hpp"

namespace idiombench::iteration::sum_squares {
namespace {

Output callback(const Input& values) {
  Output sum = 0;
  visit_mapped(std::span<const std::int32_t>(values), square, [&sum](Output v) { sum += v; });
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "callback", .model = "serial", .run = callback});

}  // namespace
}  // namespace idiombench::iteration::sum_squares
