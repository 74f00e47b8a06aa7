// queue_handoff between two processes (the consumer is a partner process kept for the
// benchmark process's life):
//  pipe      items written to a pipe in batches of up to 512 (4 KiB, one atomic pipe
//            write; a capacity below 512 makes the batches that small), read in bulk;
//  shm_ring  a single-producer single-consumer ring in shared memory. Each side keeps a
//            private copy of the other's index and reads the shared one only when the
//            ring looks full (or empty) by its copy, so the index cache lines cross
//            between the cores rarely, not per item. A side that finds the ring full or
//            empty spins briefly, then sleeps on a futex; the other side wakes it only
//            when it says it is asleep (no system call per item otherwise).
#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <vector>

#include "idiombench/support/futex.hpp"
#include "idiombench/support/shared_region.hpp"
#include "idiombench/support/unique_fd.hpp"
#include "partner_process.hpp"
#include "queue_handoff/variants.hpp"

namespace idiombench::concurrency::queue_handoff {
namespace {

constexpr std::uint64_t kPipeBatch = 512;

std::uint64_t consume_from_pipe(int fd, std::uint64_t items) {
  Output out;
  std::vector<std::uint64_t> buffer(kPipeBatch);
  while (out.count < items) {
    const std::uint64_t want = std::min<std::uint64_t>(kPipeBatch, items - out.count);
    // Whole items only: a read can end inside one when writes are not atomic.
    ssize_t got = ::read(fd, buffer.data(), want * sizeof(std::uint64_t));
    if (got <= 0) {
      if (got < 0 && errno == EINTR) continue;
      throw std::runtime_error("pipe closed before every item arrived");
    }
    std::size_t whole = static_cast<std::size_t>(got) / sizeof(std::uint64_t);
    std::size_t rest = static_cast<std::size_t>(got) % sizeof(std::uint64_t);
    if (rest != 0) {
      support::read_full(fd, reinterpret_cast<char*>(buffer.data()) + got,
                         sizeof(std::uint64_t) - rest);
      ++whole;
    }
    for (std::size_t k = 0; k < whole; ++k) consume(out, buffer[k]);
  }
  return out.hash;
}

struct Ring {
  alignas(64) std::atomic<std::uint32_t> head;  // next slot the consumer reads
  alignas(64) std::atomic<std::uint32_t> tail;  // next slot the producer writes
  alignas(64) std::atomic<std::uint32_t> consumer_asleep;
  std::atomic<std::uint32_t> producer_asleep;
  std::uint32_t capacity;
  alignas(64) std::uint64_t slots[1];  // `capacity` of them follow
};
constexpr std::uint32_t kMaxRing = 1 << 20;
constexpr int kSpins = 200;

std::uint64_t consume_from_ring(Ring& ring, std::uint64_t items) {
  Output out;
  std::uint32_t head = ring.head.load(std::memory_order_relaxed);
  std::uint32_t tail = head;  // the producer's index as last seen
  for (std::uint64_t i = 0; i < items; ++i) {
    for (int spins = 0;
         tail == head && (tail = ring.tail.load(std::memory_order_acquire)) == head;) {
      if (++spins < kSpins) {
        support::cpu_relax();
        continue;
      }
      ring.consumer_asleep.store(1, std::memory_order_seq_cst);
      if (ring.tail.load(std::memory_order_seq_cst) == head) support::futex_wait(ring.tail, head);
      ring.consumer_asleep.store(0, std::memory_order_relaxed);
    }
    consume(out, ring.slots[head % ring.capacity]);
    ring.head.store(++head, std::memory_order_seq_cst);
    if (ring.producer_asleep.load(std::memory_order_seq_cst)) support::futex_wake_all(ring.head);
  }
  return out.hash;
}

}  // namespace

Output handoff_pipe(std::uint64_t items, std::uint64_t capacity) {
  static auto channel = support::make_pipe();
  static PartnerProcess consumer({channel.read.get()}, [fd = channel.read.get()](std::uint64_t n) {
    return consume_from_pipe(fd, n);
  });
  const std::uint64_t batch = std::clamp<std::uint64_t>(capacity, 1, kPipeBatch);
  std::vector<std::uint64_t> buffer;
  buffer.reserve(batch);
  consumer.start(items);
  for (std::uint64_t i = 0; i < items; ++i) {
    buffer.push_back(item(i));
    if (buffer.size() == batch || i + 1 == items) {
      support::write_full(channel.write.get(), buffer.data(),
                          buffer.size() * sizeof(std::uint64_t));
      buffer.clear();
    }
  }
  return {items, consumer.finish()};
}

Output handoff_shm_ring(std::uint64_t items, std::uint64_t capacity) {
  if (capacity == 0 || capacity > kMaxRing)
    throw std::invalid_argument("shm_ring: capacity 1..2^20");
  static support::SharedRegion region("idiombench-queue-ring",
                                      sizeof(Ring) + kMaxRing * sizeof(std::uint64_t));
  static Ring& ring = *support::construct_at_offset<Ring>(region, 0);
  static PartnerProcess consumer({}, [](std::uint64_t n) { return consume_from_ring(ring, n); });
  // Between sessions the consumer waits on its control channel, so the ring is ours.
  ring.capacity = static_cast<std::uint32_t>(capacity);
  ring.head.store(0);
  ring.tail.store(0);
  consumer.start(items);
  std::uint32_t tail = 0;
  std::uint32_t head = 0;  // the consumer's index as last seen
  bool consumer_gone = false;
  for (std::uint64_t i = 0; i < items && !consumer_gone; ++i) {
    for (int spins = 0;
         tail - head == ring.capacity &&
         tail - (head = ring.head.load(std::memory_order_acquire)) == ring.capacity;) {
      if (++spins < kSpins) {
        support::cpu_relax();
        continue;
      }
      ring.producer_asleep.store(1, std::memory_order_seq_cst);
      const std::uint32_t full_at = tail - ring.capacity;
      if (ring.head.load(std::memory_order_seq_cst) == full_at) {
        support::futex_wait_for(ring.head, full_at, 100'000'000);
      }
      ring.producer_asleep.store(0, std::memory_order_relaxed);
      if (ring.head.load() == full_at && !consumer.alive()) {
        consumer_gone = true;  // finish() below says how it died
        break;
      }
    }
    if (consumer_gone) break;
    ring.slots[tail % ring.capacity] = item(i);
    ring.tail.store(++tail, std::memory_order_seq_cst);
    if (ring.consumer_asleep.load(std::memory_order_seq_cst)) support::futex_wake_all(ring.tail);
  }
  return {items, consumer.finish()};
}

namespace {
[[maybe_unused]] const auto registered = {
    register_handoff("pipe", "processes", handoff_pipe),
    register_handoff("shm_ring", "processes", handoff_shm_ring),
};
}

}  // namespace idiombench::concurrency::queue_handoff
