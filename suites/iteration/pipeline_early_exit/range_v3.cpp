// pipeline_early_exit/range_v3: range-v3, with views::cache1 so a kept element is produced once.
#include <range/v3/view/cache1.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/take.hpp>
#include <range/v3/view/transform.hpp>
#include "pipeline_early_exit/case.hpp"

namespace idiombench::iteration::pipeline_early_exit {
namespace {

Output range_v3(const Input& in, Context& ctx) {
  std::size_t produced = 0;
  const CountingSource source(in.cost, produced);
  Output out;
  out.reserve(in.k);
  auto pipeline = in.values | ranges::views::transform(source) | ranges::views::cache1 |
                  ranges::views::filter(keep) | ranges::views::transform(square_of) |
                  ranges::views::take(in.k);
  for (auto v : pipeline) out.push_back(v);
  ctx.counter("elements_produced", static_cast<double>(produced));
  return out;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "range_v3", .model = "serial", .run = range_v3});

}  // namespace
}  // namespace idiombench::iteration::pipeline_early_exit
