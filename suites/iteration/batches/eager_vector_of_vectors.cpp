// batches/eager_vector_of_vectors: copy every batch into a vector of vectors first.
#include "batches/case.hpp"
#include "batches/variants.hpp"

namespace idiombench::iteration::batches {
namespace {

Output eager_vector_of_vectors(const Input& in) {
  std::span<const std::int32_t> values(in.values);
  Output acc = 0;
  for (const auto& batch : eager_batches(values, in.size)) acc = fold_batch(acc, batch);
  return acc;
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "eager_vector_of_vectors", .model = "serial", .run = eager_vector_of_vectors});

}  // namespace
}  // namespace idiombench::iteration::batches
