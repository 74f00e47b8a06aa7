// zero_copy_slices/copy_vector: each slice copied into its own std::vector<std::byte> —
// an allocation and a memcpy per slice, what `bytes(buffer[a:b])` does in Python.
#include "zero_copy_slices/case.hpp"

namespace idiombench::binary_data::zero_copy_slices {
namespace {

Output copy_vector(const Input& in, Context& ctx) {
  auto bytes = std::as_bytes(std::span(in.buffer));
  Output sum = 0;
  double copied = 0;
  for (auto [at, length] : in.slices) {
    auto part = bytes.subspan(at, length);
    std::vector<std::byte> copy(part.begin(), part.end());
    copied += static_cast<double>(copy.size());
    sum += consume(copy);
  }
  ctx.counter("bytes_copied", copied);
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "copy_vector", .model = "serial", .run = copy_vector});

}  // namespace
}  // namespace idiombench::binary_data::zero_copy_slices
