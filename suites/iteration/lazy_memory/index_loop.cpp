// lazy_memory/index_loop: one fused loop, one record live at a time: the baseline.
#include "lazy_memory/case.hpp"

namespace idiombench::iteration::lazy_memory {
namespace {

Output index_loop(const Input& in) {
  Output sum = 0;
  for (std::size_t i = 0; i < in.records; ++i) {
    auto r = make_record(i);
    if (is_selected(r)) sum += weighted_amount(r);
  }
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "index_loop", .model = "serial", .run = index_loop});

}  // namespace
}  // namespace idiombench::iteration::lazy_memory
