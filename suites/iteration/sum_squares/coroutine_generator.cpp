// sum_squares/coroutine_generator: a C++20 stackless generator<int64_t>, one resume per element.
#include "map_producers.hpp"
#include "sum_squares/case.hpp"

namespace idiombench::iteration::sum_squares {
namespace {

Output coroutine_generator(const Input& values) {
  Output sum = 0;
  for (auto v : generate_mapped(std::span<const std::int32_t>(values), square)) sum += v;
  return sum;
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "coroutine_generator", .model = "serial", .run = coroutine_generator});

}  // namespace
}  // namespace idiombench::iteration::sum_squares
