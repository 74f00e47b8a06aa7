// batches/generator_spans: a generator yielding zero-copy sub-spans.
#include "batches/case.hpp"
#include "batches/variants.hpp"

namespace idiombench::iteration::batches {
namespace {

Output generator_spans(const Input& in) {
  std::span<const std::int32_t> values(in.values);
  Output acc = 0;
  for (auto batch : generate_batches(values, in.size)) acc = fold_batch(acc, batch);
  return acc;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "generator_spans", .model = "serial", .run = generator_spans});

}  // namespace
}  // namespace idiombench::iteration::batches
