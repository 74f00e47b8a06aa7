#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "counter_random.hpp"
#include "device_sizes.hpp"
#include "machine_sizes.hpp"
#include "stencil/case.hpp"

namespace idiombench::compute::stencil {
namespace {

Grids make_grids(const Params& p) {
  const auto n = static_cast<std::size_t>(p.integer("n"));
  Grids g;
  g.n = n;
  g.sweeps = static_cast<int>(p.integer("sweeps"));
  g.threads = threads_param(p);
  g.input_storage = AlignedBuffer(n * n, 0);
  g.work_storage[0] = AlignedBuffer(n * n, 0);
  g.work_storage[1] = AlignedBuffer(n * n, 0);
  auto input = g.input_storage.span();
  for (std::size_t i = 0; i < n * n; ++i) input[i] = uniform_near_one(i);
  g.input = input;
  for (auto& w : g.work) w = {};
  g.work[0] = g.work_storage[0].span();
  g.work[1] = g.work_storage[1].span();
  std::fill(g.work[0].begin(), g.work[0].end(), 0.0);
  std::fill(g.work[1].begin(), g.work[1].end(), 0.0);
  return g;
}

// Written from the definition, independently of the kernel the variants share
// (sweep_row): each interior point becomes the mean of its four neighbours, the boundary
// stays; in long double, rounded once at the end.
std::vector<double> reference(const Grids& g) {
  const std::size_t n = g.n;
  std::vector<std::vector<long double>> from(n, std::vector<long double>(n));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) from[i][j] = g.input[i * n + j];
  }
  auto to = from;
  for (int s = 0; s < g.sweeps; ++s) {
    for (std::size_t i = 1; i + 1 < n; ++i) {
      for (std::size_t j = 1; j + 1 < n; ++j) {
        to[i][j] = (from[i - 1][j] + from[i + 1][j] + from[i][j - 1] + from[i][j + 1]) / 4;
      }
    }
    std::swap(from, to);
  }
  std::vector<double> out(n * n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) out[i * n + j] = static_cast<double>(from[i][j]);
  }
  return out;
}

}  // namespace

// Host sizes for the host models; on a GPU, a grid whose three arrays fill half its L2 and
// one of 4x L2 (device_sizes.hpp).
ParamGrid grid(const std::vector<std::int64_t>& host_sides, const std::vector<std::int64_t>& sweeps,
               bool full) {
  auto side = [](double elements) { return static_cast<std::int64_t>(std::sqrt(elements)); };
  ParamAxis host = integer_axis("n", host_sides);
  host.except_models = device_models();
  return {host,
          integer_axis("n", {side(elements_in_device_l2(3)), side(elements_beyond_device_l2())},
                       device_models()),
          integer_axis("sweeps", sweeps),
          integer_axis("threads", worker_counts({.full = full}), {"openmp", "tbb", "kokkos"})};
}

Case<Grids, View, std::vector<double>>& the_case() {
  static auto& c = define_case<Grids, View, std::vector<double>>({
      .name = "stencil2d",
      .question = "What does each model reach on a 5-point Jacobi sweep, where each point "
                  "reuses its neighbours' loads, in cache and beyond it?",
      .make_input = make_grids,
      .reference = reference,
      // The same operations in the same order: only a contracted multiply-add differs.
      // A few ulps per sweep: the variants round every sweep, the reference once.
      .equivalence = within<View, std::vector<double>>(1e-14),
      .quick = grid({256, 2048}, {4}, false),
      .full = grid({256, 1024, 4096}, {4, 16}, true),
      .conformance = {{{"n", 0}, {"sweeps", 1}},
                      {{"n", 1}, {"sweeps", 2}},
                      {{"n", 3}, {"sweeps", 3}},
                      {{"n", 17}, {"sweeps", 2}},
                      {{"n", 130}, {"sweeps", 5}}},
      .throughput =
          [](const Params& p) {
            auto points =
                static_cast<double>(p.integer("n") * p.integer("n") * p.integer("sweeps"));
            return Throughput{.items = points,
                              .bytes_read = points * sizeof(double),
                              .bytes_written = points * sizeof(double),
                              .flops = points * 4};
          },
      .item = "point update",
      .baseline = "autovec",
      .before_verification =
          [](Grids& g) {
            for (auto& w : g.work)
              std::fill(w.begin(), w.end(), std::numeric_limits<double>::quiet_NaN());
          },
      .conformance_axes = {integer_axis("threads", {1, 3}, {"openmp", "tbb", "kokkos"})},
      // The input and the two work grids beyond the caches: only then is memory the limit.
      .physical_limit = {"compute/peak", "bytes_per_second",
                         [](const Params& p) {
                           return beyond_last_level_cache(3 * p.integer("n") * p.integer("n") *
                                                          static_cast<std::int64_t>(sizeof(double)));
                         }},
      // (None on a GPU: compute/peak is the host's memory.)
      .physical_limit_by_model = {{"kokkos_cuda", {}}},
  });
  return c;
}

}  // namespace idiombench::compute::stencil
