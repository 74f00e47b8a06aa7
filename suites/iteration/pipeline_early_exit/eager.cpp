// pipeline_early_exit/eager: materialise the source, then filter, then transform, then keep the
// first k.
#include <algorithm>
#include <iterator>
#include "pipeline_early_exit/case.hpp"

namespace idiombench::iteration::pipeline_early_exit {
namespace {

Output eager(const Input& in, Context& ctx) {
  std::size_t produced = 0;
  const CountingSource source(in.cost, produced);
  const std::size_t n = in.values.size();
  std::vector<std::int64_t> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = source(in.values[i]);
  std::vector<std::int64_t> kept;
  std::copy_if(all.begin(), all.end(), std::back_inserter(kept), keep);
  std::vector<std::int64_t> mapped(kept.size());
  std::transform(kept.begin(), kept.end(), mapped.begin(), square_of);
  mapped.resize(std::min(in.k, mapped.size()));
  ctx.counter("elements_produced", static_cast<double>(produced));
  return mapped;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "eager", .model = "serial", .run = eager});

}  // namespace
}  // namespace idiombench::iteration::pipeline_early_exit
