// shared_counter/sharded and false_sharing: every thread counts in its own slot (a
// relaxed load and store: one writer per slot, readable at any time), and the total is
// the sum of the slots. `sharded` pads each slot to its own 64-byte cache line;
// `false_sharing` packs them side by side — the mistake this case is named for: the
// threads share no data, yet every store takes the line from the other core.
#include <atomic>
#include <memory>
#include <numeric>

#include "shared_counter/variants.hpp"

namespace idiombench::concurrency::shared_counter {
namespace {

struct alignas(64) PaddedSlot {
  std::atomic<Output> value{0};
};
struct PackedSlot {
  std::atomic<Output> value{0};
};

template <class Slot>
Output count_in_slots(support::ThreadPool& pool, std::uint64_t increments) {
  auto slots = std::make_unique<Slot[]>(static_cast<std::size_t>(pool.workers()));
  run_together(pool, [&](int w) {
    auto& mine = slots[static_cast<std::size_t>(w)].value;
    for (std::uint64_t i = 0; i < increments; ++i) {
      mine.store(mine.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }
  });
  Output total = 0;
  for (int w = 0; w < pool.workers(); ++w) total += slots[static_cast<std::size_t>(w)].value.load();
  return total;
}

}  // namespace

Output count_sharded(support::ThreadPool& pool, std::uint64_t increments) {
  return count_in_slots<PaddedSlot>(pool, increments);
}
Output count_false_sharing(support::ThreadPool& pool, std::uint64_t increments) {
  return count_in_slots<PackedSlot>(pool, increments);
}

namespace {
[[maybe_unused]] const auto registered = {
    register_counter("sharded", count_sharded),
    register_counter("false_sharing", count_false_sharing),
};
}

}  // namespace idiombench::concurrency::shared_counter
