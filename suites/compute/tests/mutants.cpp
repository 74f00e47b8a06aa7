// Deliberately wrong variants, linked into compute_conformance only: each case's
// conformance must reject its mutant at one size at least (conformance_main checks).
#include "gemm/case.hpp"
#include "histogram/case.hpp"
#include "launch/case.hpp"
#include "stencil/case.hpp"
#include "stream/case.hpp"

namespace idiombench::compute {
namespace {

// A map kernel that leaves the last element of the (NaN-poisoned) output unwritten.
template <class Op>
stream::View leaves_last_unwritten(const stream::Arrays& a) {
  const Op op{a.scalar};
  for (std::size_t i = 0; i + 1 < a.out.size(); ++i) a.out[i] = op(a.x[i], a.y[i]);
  return stream::View(a.out);
}

[[maybe_unused]] const auto mutants = {
    stream::copy_case().add_variant({.name = "mutant_last_unwritten",
                                     .model = "serial",
                                     .run = leaves_last_unwritten<stream::Copy>}),
    stream::scale_case().add_variant({.name = "mutant_last_unwritten",
                                      .model = "serial",
                                      .run = leaves_last_unwritten<stream::Scale>}),
    stream::add_case().add_variant({.name = "mutant_last_unwritten",
                                    .model = "serial",
                                    .run = leaves_last_unwritten<stream::Add>}),
    stream::triad_case().add_variant({.name = "mutant_last_unwritten",
                                      .model = "serial",
                                      .run = leaves_last_unwritten<stream::Triad>}),
    stream::peak_case().add_variant({.name = "mutant_last_unwritten",
                                     .model = "serial",
                                     .run = leaves_last_unwritten<stream::Triad>}),
    stream::device_peak_case().add_variant({.name = "mutant_last_unwritten",
                                            .model = "serial",
                                            .run = leaves_last_unwritten<stream::Copy>}),
    // A launch whose kernel never stored its token (the reset value comes back).
    launch::the_case().add_variant({.name = "mutant_never_stores",
                                    .model = "serial",
                                    .run = [](const launch::Token&) { return 0; }}),
    // The wrong operator: a sum of sums.
    stream::dot_case().add_variant({.name = "mutant_adds",
                                    .model = "serial",
                                    .run =
                                        [](const stream::Arrays& a) {
                                          double sum = 0;
                                          for (std::size_t i = 0; i < a.x.size(); ++i)
                                            sum += a.x[i] + a.y[i];
                                          return sum;
                                        }}),
    // One term of every dot product missing.
    gemm::the_case().add_variant({.name = "mutant_drops_last_term",
                                  .model = "serial",
                                  .run =
                                      [](const gemm::Matrices& m) {
                                        const std::size_t n = m.n;
                                        for (std::size_t i = 0; i < n; ++i) {
                                          for (std::size_t j = 0; j < n; ++j) {
                                            double sum = 0;
                                            for (std::size_t k = 0; k + 1 < n; ++k)
                                              sum += m.a[i * n + k] * m.b[k * n + j];
                                            m.c[i * n + j] = sum;
                                          }
                                        }
                                        return gemm::View(m.c);
                                      }}),
    // No sweep at all: the input handed back.
    stencil::the_case().add_variant(
        {.name = "mutant_no_sweep",
         .model = "serial",
         .run = [](const stencil::Grids& g) { return stencil::View(g.input); }}),
    // The last sample lost.
    histogram::the_case().add_variant({.name = "mutant_drops_last_sample",
                                       .model = "serial",
                                       .run =
                                           [](const histogram::Samples& s) {
                                             histogram::Counts counts(s.bins);
                                             for (std::size_t i = 0; i + 1 < s.values.size(); ++i)
                                               ++counts[s.values[i]];
                                             return counts;
                                           }}),
};

}  // namespace
}  // namespace idiombench::compute
