// queue_handoff between two threads: mutex_condvar_queue (bounded_queue.hpp),
// boost_lockfree_spsc (boost::lockfree::spsc_queue: a wait-free ring for exactly one
// producer and one consumer) and boost_lockfree_queue (boost::lockfree::queue: the
// lock-free multi-producer multi-consumer queue, bounded_push so it never allocates).
// The lock-free ones have no way to sleep: a side that finds the queue full or empty
// spins with `pause`, and yields the core after a while.
#include <atomic>
#include <boost/lockfree/queue.hpp>
#include <boost/lockfree/spsc_queue.hpp>
#include <thread>

#include "idiombench/support/futex.hpp"
#include "idiombench/support/thread_pool.hpp"
#include "queue_handoff/bounded_queue.hpp"
#include "queue_handoff/variants.hpp"

namespace idiombench::concurrency::queue_handoff {
namespace {

// Waiting without a way to sleep: spin first, then give the core away.
class Backoff {
 public:
  void wait() {
    if (++tries_ < 1000) {
      support::cpu_relax();
    } else {
      std::this_thread::yield();
    }
  }
  void reset() { tries_ = 0; }

 private:
  int tries_ = 0;
};

template <class Attempt>
void until(Attempt attempt) {
  for (Backoff backoff; !attempt();) backoff.wait();
}

// The consumer of a lock-free queue: pops until the producer is done and the queue is
// drained (everything pushed before `done` was set is visible once it reads true).
template <class Queue>
void drain(Queue& queue, const std::atomic<bool>& done, Output& out) {
  std::uint64_t value;
  for (Backoff backoff;;) {
    if (queue.pop(value)) {
      consume(out, value);
      backoff.reset();
    } else if (done.load(std::memory_order_acquire)) {
      while (queue.pop(value)) consume(out, value);
      return;
    } else {
      backoff.wait();
    }
  }
}

// Producer on the calling thread, consumer on a second worker of a two-worker pool.
template <class Produce, class Consume>
Output run_pair(Produce produce, Consume consume) {
  Output out;
  support::shared_thread_pool(2).on_every_worker([&](int worker) {
    if (worker == 0) {
      produce();
    } else {
      consume(out);
    }
  });
  return out;
}

}  // namespace

Output handoff_mutex_condvar_queue(std::uint64_t items, std::uint64_t capacity) {
  BoundedQueue<std::uint64_t> queue(capacity);
  return run_pair(
      [&] {
        for (std::uint64_t i = 0; i < items; ++i) queue.push(item(i));
        queue.close();
      },
      [&](Output& out) {
        while (auto value = queue.pop()) consume(out, *value);
      });
}

Output handoff_boost_lockfree_spsc(std::uint64_t items, std::uint64_t capacity) {
  boost::lockfree::spsc_queue<std::uint64_t> queue(capacity);
  std::atomic<bool> done{false};
  return run_pair(
      [&] {
        for (std::uint64_t i = 0; i < items; ++i) until([&] { return queue.push(item(i)); });
        done.store(true, std::memory_order_release);
      },
      [&](Output& out) { drain(queue, done, out); });
}

Output handoff_boost_lockfree_queue(std::uint64_t items, std::uint64_t capacity) {
  boost::lockfree::queue<std::uint64_t> queue(capacity);
  std::atomic<bool> done{false};
  return run_pair(
      [&] {
        for (std::uint64_t i = 0; i < items; ++i)
          until([&] { return queue.bounded_push(item(i)); });
        done.store(true, std::memory_order_release);
      },
      [&](Output& out) { drain(queue, done, out); });
}

namespace {
[[maybe_unused]] const auto registered = {
    register_handoff("mutex_condvar_queue", "threads", handoff_mutex_condvar_queue),
    register_handoff("boost_lockfree_spsc", "threads", handoff_boost_lockfree_spsc),
    register_handoff("boost_lockfree_queue", "threads", handoff_boost_lockfree_queue),
};
}

}  // namespace idiombench::concurrency::queue_handoff
