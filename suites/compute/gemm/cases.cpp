#include <algorithm>
#include <cstdint>
#include <limits>

#include "counter_random.hpp"
#include "gemm/case.hpp"
#include "machine_sizes.hpp"

namespace idiombench::compute::gemm {
namespace {

Matrices make_matrices(const Params& p) {
  const auto n = static_cast<std::size_t>(p.integer("n"));
  Matrices m{n, AlignedBuffer(n * n, 0), AlignedBuffer(n * n, 0), AlignedBuffer(n * n, 0), {}, {},
             {}};
  auto a = m.a_storage.span(), b = m.b_storage.span();
  m.c = m.c_storage.span();
  for (std::size_t i = 0; i < n * n; ++i) {
    a[i] = uniform_near_one(2 * i);
    b[i] = uniform_near_one(2 * i + 1);
    m.c[i] = 0;
  }
  m.a = a;
  m.b = b;
  m.threads = threads_param(p);
  return m;
}

Expected reference(const Matrices& m) {
  const std::size_t n = m.n;
  Expected e{std::vector<double>(n * n, 0.0), 0};
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < n; ++k) {
      const double a = m.a[i * n + k];
      for (std::size_t j = 0; j < n; ++j) e.c[i * n + j] += a * m.b[k * n + j];
    }
  }
  // Every term is positive, so any order of the n products is within about 2n eps of
  // the exact sum, relative to it; the reference itself is one such order.
  e.relative_tolerance = 4.0 * static_cast<double>(n + 1) * std::numeric_limits<double>::epsilon();
  return e;
}

}  // namespace

Case<Matrices, View, Expected>& the_case() {
  static auto& c = define_case<Matrices, View, Expected>({
      .name = "gemm",
      .question = "How far is a textbook triple loop from a cache- and register-blocked kernel, "
                  "and both from OpenBLAS, on a compute-bound dense matrix product?",
      .make_input = make_matrices,
      .reference = reference,
      .equivalence =
          [](const View& got, const Expected& expected) {
            return within<View, std::vector<double>>(expected.relative_tolerance)(got, expected.c);
          },
      // The textbook loop only at the small size: at 1024 it takes seconds per run.
      // Python at the small size only: its pure loops take a second there.
      .quick = {integer_axis("n", {256}, {"serial", "python"}),
                integer_axis("n", {256, 1024}, {"simd", "openmp", "threads", "cuda"}),
                integer_axis("threads", worker_counts({}), {"openmp", "threads"})},
      .full = {integer_axis("n", {256, 512}, {"serial"}), integer_axis("n", {256}, {"python"}),
               integer_axis("n", {256, 1024, 2048}, {"simd", "openmp", "threads", "cuda"}),
               integer_axis("threads", worker_counts({.full = true}), {"openmp", "threads"})},
      .conformance = {{{"n", 0}},
                      {{"n", 1}},
                      {{"n", 3}},
                      {{"n", 17}},
                      {{"n", 64}},
                      {{"n", 131}},
                      {{"n", 257}}},
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("n"));
            return Throughput{.items = n * n * n,
                              .bytes_read = 2 * n * n * sizeof(double),
                              .bytes_written = n * n * sizeof(double),
                              .flops = 2 * n * n * n};
          },
      .item = "multiply-add",
      .baseline = "loop_ikj",  // the careful plain loop: planned at every size, as baselines are
                               // (naive takes 7.5 s at 1024)
      .before_verification =
          [](Matrices& m) {
            std::fill(m.c.begin(), m.c.end(), std::numeric_limits<double>::quiet_NaN());
          },
      .conformance_axes = {integer_axis("threads", {1, 3}, {"openmp", "threads"})},
  });
  return c;
}

}  // namespace idiombench::compute::gemm
