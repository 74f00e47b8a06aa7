// queue_handoff between two processes (the consumer is a partner process kept for the
// benchmark process's life):
//  pipe      items written to a pipe `batch` at a time (one write per item at batch 1; at
//            most 512 items, 4 KiB, one atomic pipe write) and read up to `batch` at a time;
//  shm_ring  a single-producer single-consumer ring in shared memory. Each side keeps a
//            private copy of the other's index and reads the shared one only when the
//            ring looks full (or empty) by its copy, so the index cache lines cross
//            between the cores rarely, not per item; each side publishes its index once
//            per group of up to `batch` items. A side that finds the ring full or empty
//            spins by the project's one policy (spin_wait.hpp), then sleeps on a futex;
//            the other side wakes it only when it says it is asleep (no system call per
//            item otherwise).
#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <vector>

#include "idiombench/support/futex.hpp"
#include "idiombench/support/shared_region.hpp"
#include "idiombench/support/spin_wait.hpp"
#include "idiombench/support/unique_fd.hpp"
#include "partner_process.hpp"
#include "queue_handoff/variants.hpp"

namespace idiombench::concurrency::queue_handoff {
namespace {

constexpr std::uint64_t kPipeBatch = 512;

// A session's request to the partner: the items, and how many per operation.
std::uint64_t session(std::uint64_t items, std::uint64_t batch) {
  return items | batch << 40;
}
std::uint64_t items_of(std::uint64_t request) {
  return request & ((std::uint64_t{1} << 40) - 1);
}
std::uint64_t batch_of(std::uint64_t request) {
  return request >> 40;
}

std::uint64_t consume_from_pipe(int fd, std::uint64_t request) {
  const std::uint64_t items = items_of(request), batch = batch_of(request);
  Output out;
  std::vector<std::uint64_t> buffer(batch);
  while (out.count < items) {
    const std::uint64_t want = std::min<std::uint64_t>(batch, items - out.count);
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

std::uint64_t consume_from_ring(Ring& ring, std::uint64_t request) {
  const std::uint64_t items = items_of(request), batch = batch_of(request);
  Output out;
  std::uint32_t head = ring.head.load(std::memory_order_relaxed);
  std::uint32_t tail = head;  // the producer's index as last seen
  while (out.count < items) {
    for (support::SpinWait spin;
         tail == head && (tail = ring.tail.load(std::memory_order_acquire)) == head;) {
      if (spin.spin()) continue;
      ring.consumer_asleep.store(1, std::memory_order_seq_cst);
      if (ring.tail.load(std::memory_order_seq_cst) == head) support::futex_wait(ring.tail, head);
      ring.consumer_asleep.store(0, std::memory_order_relaxed);
      spin.reset();
    }
    const std::uint32_t take =
        static_cast<std::uint32_t>(std::min<std::uint64_t>(batch, tail - head));
    for (std::uint32_t k = 0; k < take; ++k) consume(out, ring.slots[(head + k) % ring.capacity]);
    head += take;
    ring.head.store(head, std::memory_order_seq_cst);
    if (ring.producer_asleep.load(std::memory_order_seq_cst)) support::futex_wake_all(ring.head);
  }
  return out.hash;
}

}  // namespace

Output handoff_pipe(const Input& in) {
  static auto channel = support::make_pipe();
  static PartnerProcess consumer({channel.read.get()}, [fd = channel.read.get()](std::uint64_t r) {
    return consume_from_pipe(fd, r);
  });
  const std::uint64_t batch = std::min(in.batch_size(), kPipeBatch);
  std::vector<std::uint64_t> buffer;
  buffer.reserve(batch);
  consumer.start(session(in.items, batch));
  for (std::uint64_t i = 0; i < in.items; ++i) {
    buffer.push_back(item(i));
    if (buffer.size() == batch || i + 1 == in.items) {
      support::write_full(channel.write.get(), buffer.data(),
                          buffer.size() * sizeof(std::uint64_t));
      buffer.clear();
    }
  }
  return {in.items, consumer.finish()};
}

Output handoff_shm_ring(const Input& in) {
  if (in.capacity == 0 || in.capacity > kMaxRing)
    throw std::invalid_argument("shm_ring: capacity 1..2^20");
  static support::SharedRegion region("idiombench-queue-ring",
                                      sizeof(Ring) + kMaxRing * sizeof(std::uint64_t));
  static Ring& ring = *support::construct_at_offset<Ring>(region, 0);
  static PartnerProcess consumer({}, [](std::uint64_t r) { return consume_from_ring(ring, r); });
  // Between sessions the consumer waits on its control channel, so the ring is ours.
  const std::uint64_t batch = in.batch_size();
  ring.capacity = static_cast<std::uint32_t>(in.capacity);
  ring.head.store(0);
  ring.tail.store(0);
  consumer.start(session(in.items, batch));
  std::uint32_t tail = 0;
  std::uint32_t head = 0;  // the consumer's index as last seen
  bool consumer_gone = false;
  for (std::uint64_t i = 0; i < in.items && !consumer_gone;) {
    for (support::SpinWait spin;
         tail - head == ring.capacity &&
         tail - (head = ring.head.load(std::memory_order_acquire)) == ring.capacity;) {
      if (spin.spin()) continue;
      ring.producer_asleep.store(1, std::memory_order_seq_cst);
      const std::uint32_t full_at = tail - ring.capacity;
      if (ring.head.load(std::memory_order_seq_cst) == full_at) {
        support::futex_wait_for(ring.head, full_at, 100'000'000);
      }
      ring.producer_asleep.store(0, std::memory_order_relaxed);
      spin.reset();
      if (ring.head.load() == full_at && !consumer.alive()) {
        consumer_gone = true;  // finish() below says how it died
        break;
      }
    }
    if (consumer_gone) break;
    const std::uint64_t put =
        std::min<std::uint64_t>({batch, ring.capacity - (tail - head), in.items - i});
    for (std::uint64_t k = 0; k < put; ++k) ring.slots[(tail + k) % ring.capacity] = item(i + k);
    tail += static_cast<std::uint32_t>(put);
    i += put;
    ring.tail.store(tail, std::memory_order_seq_cst);
    if (ring.consumer_asleep.load(std::memory_order_seq_cst)) support::futex_wake_all(ring.tail);
  }
  return {in.items, consumer.finish()};
}

namespace {
[[maybe_unused]] const auto registered = {
    register_handoff("pipe", "processes", handoff_pipe),
    register_handoff("shm_ring", "processes", handoff_shm_ring),
};
}

}  // namespace idiombench::concurrency::queue_handoff
