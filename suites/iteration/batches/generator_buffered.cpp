// batches/generator_buffered: the seed's algorithm: gather from an input stream into a reused
// buffer.
#include "batches/case.hpp"
#include "batches/variants.hpp"

namespace idiombench::iteration::batches {
namespace {

Output generator_buffered(const Input& in) {
  std::span<const std::int32_t> values(in.values);
  Output acc = 0;
  for (auto batch : generate_buffered_batches(values, in.size)) acc = fold_batch(acc, batch);
  return acc;
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "generator_buffered", .model = "serial", .run = generator_buffered});

}  // namespace
}  // namespace idiombench::iteration::batches
