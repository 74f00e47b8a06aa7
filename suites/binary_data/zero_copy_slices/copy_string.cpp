// zero_copy_slices/copy_string: each slice copied into a std::string (std::string::substr).
// Slices up to 15 bytes fit the small-string buffer and need no allocation.
#include "zero_copy_slices/case.hpp"

namespace idiombench::binary_data::zero_copy_slices {
namespace {

Output copy_string(const Input& in, Context& ctx) {
  Output sum = 0;
  double copied = 0;
  for (auto [at, length] : in.slices) {
    std::string copy = in.buffer.substr(at, length);
    copied += static_cast<double>(copy.size());
    sum += consume(copy);
  }
  ctx.counter("bytes_copied", copied);
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "copy_string", .model = "serial", .run = copy_string});

}  // namespace
}  // namespace idiombench::binary_data::zero_copy_slices
