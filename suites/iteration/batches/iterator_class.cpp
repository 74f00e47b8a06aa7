// batches/iterator_class: the hand-written BatchStream iterator class.
#include "batches/case.hpp"
#include "batches/variants.hpp"

namespace idiombench::iteration::batches {
namespace {

Output iterator_class(const Input& in) {
  std::span<const std::int32_t> values(in.values);
  Output acc = 0;
  for (auto batch : stream_batches(values, in.size)) acc = fold_batch(acc, batch);
  return acc;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "iterator_class", .model = "serial", .run = iterator_class});

}  // namespace
}  // namespace idiombench::iteration::batches
