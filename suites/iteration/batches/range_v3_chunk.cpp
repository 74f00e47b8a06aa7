// batches/range_v3_chunk: range-v3's views::chunk.
#include "batches/case.hpp"
#include "batches/variants.hpp"

namespace idiombench::iteration::batches {
namespace {

Output range_v3_chunk(const Input& in) {
  std::span<const std::int32_t> values(in.values);
  Output acc = 0;
  for (auto batch : range_v3_batches(values, in.size)) acc = fold_batch(acc, batch);
  return acc;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "range_v3_chunk", .model = "serial", .run = range_v3_chunk});

}  // namespace
}  // namespace idiombench::iteration::batches
