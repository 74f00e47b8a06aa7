// sum_squares/iterator_class: the hand-written MappedStream iterator class.
#include "map_producers.hpp"
#include "sum_squares/case.hpp"

namespace idiombench::iteration::sum_squares {
namespace {

Output iterator_class(const Input& values) {
  Output sum = 0;
  for (auto v : stream_mapped(std::span<const std::int32_t>(values), square)) sum += v;
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "iterator_class", .model = "serial", .run = iterator_class});

}  // namespace
}  // namespace idiombench::iteration::sum_squares
