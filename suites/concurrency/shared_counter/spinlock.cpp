// shared_counter/spinlock: test-and-test-and-set. Waiters spin on a plain load (the line
// stays shared in their caches) with a `pause`, and try the exchange only when the lock
// looks free. Fast when holders are never preempted; with more threads than cores a
// preempted holder makes every waiter burn its time slice.
#include <atomic>

#include "idiombench/support/futex.hpp"
#include "shared_counter/variants.hpp"

namespace idiombench::concurrency::shared_counter {
namespace {

class Spinlock {
 public:
  void lock() {
    while (locked_.exchange(true, std::memory_order_acquire)) {
      while (locked_.load(std::memory_order_relaxed)) support::cpu_relax();
    }
  }
  void unlock() { locked_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> locked_{false};
};

}  // namespace

Output count_spinlock(support::ThreadPool& pool, std::uint64_t increments) {
  alignas(64) Spinlock lock;
  Output total = 0;
  run_together(pool, [&](int) {
    for (std::uint64_t i = 0; i < increments; ++i) {
      lock.lock();
      ++total;
      lock.unlock();
    }
  });
  return total;
}

namespace {
[[maybe_unused]] const auto registered = register_counter("spinlock", count_spinlock);
}

}  // namespace idiombench::concurrency::shared_counter
