#include <cstdint>

#include "counter_random.hpp"
#include "histogram/case.hpp"
#include "machine_sizes.hpp"

namespace idiombench::compute::histogram {
namespace {

// Skewed samples (the product of two uniform draws), so a few bins are hot: contention
// is part of the question.
Samples make_samples(const Params& p) {
  Samples s;
  s.bins = static_cast<std::size_t>(p.integer("bins"));
  s.threads = threads_param(p);
  s.values.resize(static_cast<std::size_t>(p.integer("n")));
  for (std::size_t i = 0; i < s.values.size(); ++i) {
    const std::uint64_t z = mix(i);
    std::uint64_t a = z & 0xFFFF, b = (z >> 16) & 0xFFFF;
    s.values[i] = static_cast<std::uint32_t>((a * b * s.bins) >> 32);
  }
  return s;
}

Counts reference(const Samples& s) {
  Counts counts(s.bins, 0);
  for (auto v : s.values) ++counts[v];
  return counts;
}

}  // namespace

Case<Samples, Counts>& the_case() {
  static auto& c = define_case<Samples, Counts>({
      .name = "histogram",
      .question = "How should threads count into shared bins: atomics on one histogram, or "
                  "private histograms merged at the end, and how many bins does it take for "
                  "atomics to stop hurting?",
      .make_input = make_samples,
      .reference = reference,
      .quick = {integer_axis("n", {4000000}), integer_axis("bins", {16, 4096}),
                integer_axis("threads", worker_counts({}), {"openmp", "tbb", "kokkos"})},
      .full = {integer_axis("n", {40000000}), integer_axis("bins", {16, 256, 4096, 1 << 20}),
               integer_axis("threads", worker_counts({.full = true}), {"openmp", "tbb", "kokkos"})},
      .conformance = {{{"n", 0}, {"bins", 16}},
                      {{"n", 1}, {"bins", 1}},
                      {{"n", 17}, {"bins", 3}},
                      {{"n", 100003}, {"bins", 4096}}},
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("n"));
            return Throughput{.items = n, .bytes_read = n * sizeof(std::uint32_t)};
          },
      .item = "sample",
      .baseline = "serial",
      .conformance_axes = {integer_axis("threads", {1, 3}, {"openmp", "tbb", "kokkos"})},
  });
  return c;
}

}  // namespace idiombench::compute::histogram
