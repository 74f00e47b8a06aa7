// pipeline_early_exit/ranges_views: std::views iota | transform | filter | transform | take.
#include <ranges>
#include "pipeline_early_exit/case.hpp"

namespace idiombench::iteration::pipeline_early_exit {
namespace {

Output ranges_views(const Input& in, Context& ctx) {
  std::size_t produced = 0;
  const CountingSource source(in, produced);
  const std::size_t n = in.values.size();
  Output out;
  out.reserve(in.k);
  auto pipeline = std::views::iota(std::size_t{0}, n) | std::views::transform(source) |
                  std::views::filter(keep) | std::views::transform(square_of) |
                  std::views::take(in.k);
  for (auto v : pipeline) out.push_back(v);
  ctx.counter("elements_produced", static_cast<double>(produced));
  return out;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "ranges_views", .model = "serial", .run = ranges_views});

}  // namespace
}  // namespace idiombench::iteration::pipeline_early_exit
