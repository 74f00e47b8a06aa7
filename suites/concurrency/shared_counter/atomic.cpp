// shared_counter/atomic_seq_cst and atomic_relaxed: one std::atomic total, fetch_add.
// On x86 both orders compile to the same `lock xadd` (every atomic read-modify-write is
// a full barrier there); on ARM relaxed can be cheaper.
#include <atomic>

#include "shared_counter/variants.hpp"

namespace idiombench::concurrency::shared_counter {
namespace {

template <std::memory_order Order>
Output count_atomic(support::ThreadPool& pool, std::uint64_t increments) {
  alignas(64) std::atomic<Output> total{0};
  run_together(pool, [&](int) {
    for (std::uint64_t i = 0; i < increments; ++i) total.fetch_add(1, Order);
  });
  return total.load();
}

}  // namespace

Output count_atomic_seq_cst(support::ThreadPool& pool, std::uint64_t increments) {
  return count_atomic<std::memory_order_seq_cst>(pool, increments);
}
Output count_atomic_relaxed(support::ThreadPool& pool, std::uint64_t increments) {
  return count_atomic<std::memory_order_relaxed>(pool, increments);
}

namespace {
[[maybe_unused]] const auto registered = {
    register_counter("atomic_seq_cst", count_atomic_seq_cst),
    register_counter("atomic_relaxed", count_atomic_relaxed),
};
}

}  // namespace idiombench::concurrency::shared_counter
