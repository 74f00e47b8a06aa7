// pipeline_early_exit/ranges_views: std::views transform | filter | transform | take.
#include <ranges>
#include <span>

#include "pipeline_early_exit/case.hpp"
#include "std_ranges_support.hpp"

namespace idiombench::iteration::pipeline_early_exit {
namespace {

#if IDIOMBENCH_HAS_STD_RANGE_VIEWS
Output ranges_views(const Input& in, Context& ctx) {
  std::size_t produced = 0;
  const CountingSource source(in.cost, produced);
  Output out;
  out.reserve(in.k);
  auto pipeline = std::span<const std::int32_t>(in.values) | std::views::transform(source) |
                  std::views::filter(keep) | std::views::transform(square_of) |
                  std::views::take(in.k);
  for (auto v : pipeline) out.push_back(v);
  ctx.counter("elements_produced", static_cast<double>(produced));
  return out;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "ranges_views", .model = "serial", .run = ranges_views});
#else
[[maybe_unused]] const auto registered = unavailable_views_variant(the_case());
#endif

}  // namespace
}  // namespace idiombench::iteration::pipeline_early_exit
