// queue_handoff between two threads: mutex_condvar_queue (bounded_queue.hpp),
// boost_lockfree_spsc (boost::lockfree::spsc_queue: a wait-free ring for exactly one
// producer and one consumer) and boost_lockfree_queue (boost::lockfree::queue: the
// lock-free multi-producer multi-consumer queue, bounded_push so it never allocates).
// At batch 1 every item is one push and one pop; above it each side moves what it can
// per operation: push_all / pop_some under one lock, spsc_queue's bulk push and pop.
// boost::lockfree::queue has no bulk push: its producer still pushes one at a time, and
// its consumer takes everything there is with consume_all.
// The lock-free queues have no way to sleep: a side that finds the queue full or empty
// spins by the project's one policy (spin_wait.hpp), then yields the core.
#include <algorithm>
#include <atomic>
#include <boost/lockfree/queue.hpp>
#include <boost/lockfree/spsc_queue.hpp>
#include <thread>
#include <vector>

#include "idiombench/support/spin_wait.hpp"
#include "idiombench/support/thread_pool.hpp"
#include "queue_handoff/bounded_queue.hpp"
#include "queue_handoff/variants.hpp"

namespace idiombench::concurrency::queue_handoff {
namespace {

// Waiting without a way to sleep: spin first, then give the core away.
class Backoff {
 public:
  void wait() {
    if (!spin_.spin()) std::this_thread::yield();
  }
  void reset() { spin_.reset(); }

 private:
  support::SpinWait spin_;
};

// The consumer of a lock-free queue: takes what there is (by `take`, which returns how
// many it consumed) until the producer is done and the queue is drained (everything
// pushed before `done` was set is visible once it reads true).
template <class Take>
void drain(const std::atomic<bool>& done, Take take) {
  for (Backoff backoff;;) {
    if (take() > 0) {
      backoff.reset();
    } else if (done.load(std::memory_order_acquire)) {
      while (take() > 0) {
      }
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

// Items first..first+count-1, as the producer sends them.
void fill(std::vector<std::uint64_t>& chunk, std::uint64_t first, std::uint64_t count) {
  chunk.resize(count);
  for (std::uint64_t k = 0; k < count; ++k) chunk[k] = item(first + k);
}

}  // namespace

Output handoff_mutex_condvar_queue(const Input& in) {
  BoundedQueue<std::uint64_t> queue(in.capacity);
  const std::uint64_t batch = in.batch_size();
  if (batch == 1) {
    return run_pair(
        [&] {
          for (std::uint64_t i = 0; i < in.items; ++i) queue.push(item(i));
          queue.close();
        },
        [&](Output& out) {
          while (auto value = queue.pop()) consume(out, *value);
        });
  }
  return run_pair(
      [&] {
        std::vector<std::uint64_t> chunk;
        for (std::uint64_t i = 0; i < in.items; i += batch) {
          fill(chunk, i, std::min(batch, in.items - i));
          queue.push_all(chunk);
        }
        queue.close();
      },
      [&](Output& out) {
        std::vector<std::uint64_t> got;
        while (queue.pop_some(got, batch)) {
          for (auto value : got) consume(out, value);
        }
      });
}

Output handoff_boost_lockfree_spsc(const Input& in) {
  boost::lockfree::spsc_queue<std::uint64_t> queue(in.capacity);
  std::atomic<bool> done{false};
  const std::uint64_t batch = in.batch_size();
  return run_pair(
      [&] {
        std::vector<std::uint64_t> chunk;
        for (std::uint64_t i = 0; i < in.items; i += batch) {
          fill(chunk, i, std::min(batch, in.items - i));
          Backoff backoff;
          for (std::size_t sent = 0; sent < chunk.size();) {
            const std::size_t put = batch == 1
                                        ? (queue.push(chunk[0]) ? 1 : 0)
                                        : queue.push(chunk.data() + sent, chunk.size() - sent);
            if (put > 0) {
              sent += put;
              backoff.reset();
            } else {
              backoff.wait();  // only when the queue was full
            }
          }
        }
        done.store(true, std::memory_order_release);
      },
      [&](Output& out) {
        std::vector<std::uint64_t> got(batch);
        drain(done, [&] {
          std::size_t n = batch == 1 ? (queue.pop(got[0]) ? 1 : 0) : queue.pop(got.data(), batch);
          for (std::size_t k = 0; k < n; ++k) consume(out, got[k]);
          return n;
        });
      });
}

Output handoff_boost_lockfree_queue(const Input& in) {
  boost::lockfree::queue<std::uint64_t> queue(in.capacity);
  std::atomic<bool> done{false};
  const bool batched = in.batch_size() > 1;
  return run_pair(
      [&] {
        for (std::uint64_t i = 0; i < in.items; ++i) {
          for (Backoff backoff; !queue.bounded_push(item(i));) backoff.wait();
        }
        done.store(true, std::memory_order_release);
      },
      [&](Output& out) {
        drain(done, [&]() -> std::size_t {
          if (batched) return queue.consume_all([&](std::uint64_t value) { consume(out, value); });
          std::uint64_t value;
          if (!queue.pop(value)) return 0;
          consume(out, value);
          return 1;
        });
      });
}

namespace {
[[maybe_unused]] const auto registered = {
    register_handoff("mutex_condvar_queue", "threads", handoff_mutex_condvar_queue),
    register_handoff("boost_lockfree_spsc", "threads", handoff_boost_lockfree_spsc),
    register_handoff("boost_lockfree_queue", "threads", handoff_boost_lockfree_queue),
};
}

}  // namespace idiombench::concurrency::queue_handoff
