// sum_squares/stackful_generator: a Boost.Coroutine2 pull_type, one stack switch each way per
// element.
#include "map_producers.hpp"
#include "sum_squares/case.hpp"

namespace idiombench::iteration::sum_squares {
namespace {

Output stackful_generator(const Input& values) {
  Output sum = 0;
  for (auto v : stackful_mapped(std::span<const std::int32_t>(values), square)) sum += v;
  return sum;
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "stackful_generator", .model = "serial", .run = stackful_generator});

}  // namespace
}  // namespace idiombench::iteration::sum_squares
