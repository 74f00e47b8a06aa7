// compute histogram/tbb_private: tbb::enumerable_thread_specific histograms filled by a
// parallel_for and combined at the end, in a task_arena of the requested size.
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include "histogram/case.hpp"
#include "idiombench/support/tbb_arena.hpp"

namespace idiombench::compute::histogram {
namespace {

Counts tbb_private(const Samples& s) {
  Counts counts(s.bins, 0);
  support::arena_for(s.threads).execute([&] {
    tbb::enumerable_thread_specific<Counts> local([&] { return Counts(s.bins, 0); });
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, s.values.size(), 1 << 14),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        auto& mine = local.local();
                        for (std::size_t i = r.begin(); i < r.end(); ++i) ++mine[s.values[i]];
                      });
    for (const auto& mine : local) {
      for (std::size_t b = 0; b < s.bins; ++b) counts[b] += mine[b];
    }
  });
  return counts;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "tbb_private", .model = "tbb", .run = tbb_private});

}  // namespace
}  // namespace idiombench::compute::histogram
