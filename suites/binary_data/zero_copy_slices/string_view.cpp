// zero_copy_slices/string_view: std::string_view::substr: a view, nothing copied.
#include "zero_copy_slices/case.hpp"

namespace idiombench::binary_data::zero_copy_slices {
namespace {

Output string_view(const Input& in, Context& ctx) {
  std::string_view text = in.buffer;
  Output sum = 0;
  for (auto [at, length] : in.slices) sum += consume(text.substr(at, length));
  ctx.counter("bytes_copied", 0);
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "string_view", .model = "serial", .run = string_view});

}  // namespace
}  // namespace idiombench::binary_data::zero_copy_slices
