// shared_counter/local_then_combine: each thread counts in a local variable and adds it
// to the shared atomic total once at the end: a reduction, what to write whenever
// nobody needs the running total while the threads work.
#include <atomic>

#include "shared_counter/variants.hpp"

namespace idiombench::concurrency::shared_counter {

Output count_local_then_combine(support::ThreadPool& pool, std::uint64_t increments) {
  std::atomic<Output> total{0};
  run_together(pool, [&](int) {
    Output mine = 0;
    // An optimiser may turn this loop into `mine = increments`: that is the point of
    // keeping the count local.
    for (std::uint64_t i = 0; i < increments; ++i) ++mine;
    total.fetch_add(mine, std::memory_order_relaxed);
  });
  return total.load();
}

namespace {
[[maybe_unused]] const auto registered =
    register_counter("local_then_combine", count_local_then_combine);
}

}  // namespace idiombench::concurrency::shared_counter
