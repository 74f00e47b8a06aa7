// lazy_memory/range_v3: range-v3 views folded by ranges::accumulate.
#include <range/v3/numeric/accumulate.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/iota.hpp>
#include <range/v3/view/transform.hpp>
#include "lazy_memory/case.hpp"

namespace idiombench::iteration::lazy_memory {
namespace {

Output range_v3(const Input& in) {
  auto amounts = ranges::views::iota(std::size_t{0}, in.records) |
                 ranges::views::transform(make_record) | ranges::views::filter(is_selected) |
                 ranges::views::transform(weighted_amount);
  return ranges::accumulate(amounts, Output{0});
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "range_v3", .model = "serial", .run = range_v3});

}  // namespace
}  // namespace idiombench::iteration::lazy_memory
