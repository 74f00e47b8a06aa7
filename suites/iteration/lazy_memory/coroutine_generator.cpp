// lazy_memory/coroutine_generator: chained generator stages: one record in flight.
#include "generator_adaptors.hpp"
#include "lazy_memory/case.hpp"

namespace idiombench::iteration::lazy_memory {
namespace {

Output coroutine_generator(const Input& in) {
  Output sum = 0;
  for (auto amount : gen_transform(gen_filter(gen_indexed(in.records, make_record), is_selected),
                                   weighted_amount)) {
    sum += amount;
  }
  return sum;
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "coroutine_generator", .model = "serial", .run = coroutine_generator});

}  // namespace
}  // namespace idiombench::iteration::lazy_memory
