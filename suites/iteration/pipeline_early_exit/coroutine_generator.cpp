// pipeline_early_exit/coroutine_generator: chained generator stages, like nested Python generator
// expressions.
#include "generator_adaptors.hpp"
#include "map_producers.hpp"
#include "pipeline_early_exit/case.hpp"

namespace idiombench::iteration::pipeline_early_exit {
namespace {

Output coroutine_generator(const Input& in, Context& ctx) {
  std::size_t produced = 0;
  const CountingSource source(in.cost, produced);
  Output out;
  out.reserve(in.k);
  auto pipeline = gen_take(
      gen_transform(
          gen_filter(generate_mapped(std::span<const std::int32_t>(in.values), source), keep),
          square_of),
      in.k);
  for (auto v : pipeline) out.push_back(v);
  ctx.counter("elements_produced", static_cast<double>(produced));
  return out;
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "coroutine_generator", .model = "serial", .run = coroutine_generator});

}  // namespace
}  // namespace idiombench::iteration::pipeline_early_exit
