// batches/index_loop: a counted loop over batch offsets: the baseline.
#include "batches/case.hpp"
#include "batches/variants.hpp"

namespace idiombench::iteration::batches {
namespace {

Output index_loop(const Input& in) {
  std::span<const std::int32_t> values(in.values);
  Output acc = 0;
  for (std::size_t i = 0; i < values.size(); i += in.size) {
    acc = fold_batch(acc, values.subspan(i, std::min(in.size, values.size() - i)));
  }
  return acc;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "index_loop", .model = "serial", .run = index_loop});

}  // namespace
}  // namespace idiombench::iteration::batches
