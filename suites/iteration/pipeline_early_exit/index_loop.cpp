// pipeline_early_exit/index_loop: a hand-written loop that breaks at the k-th result: the baseline.
#include "pipeline_early_exit/case.hpp"

namespace idiombench::iteration::pipeline_early_exit {
namespace {

Output index_loop(const Input& in, Context& ctx) {
  std::size_t produced = 0;
  const CountingSource source(in.cost, produced);
  const std::size_t n = in.values.size();
  Output out;
  out.reserve(in.k);
  std::size_t wanted = in.k;
  for (std::size_t i = 0; i < n && wanted > 0; ++i) {
    auto v = source(in.values[i]);
    if (keep(v)) {
      out.push_back(square_of(v));
      --wanted;
    }
  }
  ctx.counter("elements_produced", static_cast<double>(produced));
  return out;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "index_loop", .model = "serial", .run = index_loop});

}  // namespace
}  // namespace idiombench::iteration::pipeline_early_exit
