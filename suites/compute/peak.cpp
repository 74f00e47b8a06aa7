// compute/peak: the machine's bandwidth measured in the same run, the limit the STREAM
// cases' fraction_of_peak is taken against: the best of two tuned triads over arrays
// well beyond the last-level cache, on every hardware thread.
#include <omp.h>

#include "machine_sizes.hpp"
#include "stream/case.hpp"
#include "stream/nontemporal.hpp"

namespace idiombench::compute::stream {

Case<Arrays, View, std::vector<double>>& peak_case() {
  static auto& c =
      define_case<Arrays, View, std::vector<double>>({
          .name = "peak",
          .question = "What bandwidth does this machine's memory system deliver to a tuned triad, "
                      "the limit the other cases are measured against?",
          .make_input = make_arrays,
          .reference = map_reference<Triad>,
          .equivalence = within<View, std::vector<double>>(4.5e-16),
          .quick = {integer_axis("n", {elements_beyond_llc(2.0, 3, memory_floor(false))})},
          .full = {integer_axis("n", {elements_beyond_llc(4.0, 3, memory_floor(true))})},
          .conformance = {{{"n", 0}}, {{"n", 1}}, {{"n", 17}}, {{"n", 1000003}, {"offset", 1}}},
          .throughput =
              [](const Params& p) {
                auto n = static_cast<double>(p.integer("n"));
                return Throughput{.items = n,
                                  .bytes_read = n * Triad::reads * sizeof(double),
                                  .bytes_written = n * Triad::writes * sizeof(double),
                                  .flops = n * Triad::flops};
              },
          .item = "element",
          .baseline = "openmp_triad",
          .before_verification = poison,
          .conformance_axes = {{"threads", {1, 3}, parallel_models()}},
      });
  return c;
}

namespace {

View openmp_triad(const Arrays& a) {
  const double* x = a.x.data();
  const double* y = a.y.data();
  double* out = a.out.data();
  const Triad op{a.scalar};
  const auto n = static_cast<std::ptrdiff_t>(a.out.size());
#pragma omp parallel for simd schedule(static) num_threads(a.threads)
  for (std::ptrdiff_t i = 0; i < n; ++i) out[i] = op(x[i], y[i]);
  return a.out;
}

// The same loop with non-temporal stores (stream/nontemporal.hpp), each thread on one
// contiguous share cut at cache-line multiples.
View openmp_triad_streaming(const Arrays& a) {
  const double* x = a.x.data();
  const double* y = a.y.data();
  double* out = a.out.data();
  const Triad op{a.scalar};
  const std::size_t n = a.out.size();
#pragma omp parallel num_threads(a.threads)
  {
    const auto [begin, end] = line_aligned_share(n, static_cast<std::size_t>(omp_get_num_threads()),
                                                 static_cast<std::size_t>(omp_get_thread_num()));
    map_range_nontemporal(x, y, out, begin, end, op);
  }
  return a.out;
}

[[maybe_unused]] const auto registered = {
    peak_case().add_variant({.name = "openmp_triad", .model = "openmp", .run = openmp_triad}),
    peak_case().add_variant(
        {.name = "openmp_triad_streaming", .model = "openmp", .run = openmp_triad_streaming}),
};

}  // namespace
}  // namespace idiombench::compute::stream
