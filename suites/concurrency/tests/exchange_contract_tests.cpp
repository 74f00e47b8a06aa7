// Contracts of shared_counter, queue_handoff, ipc_roundtrip and transfer_cost beyond
// the conformance sizes: exact totals at every thread count; every item delivered once
// and in order, including when the producer stops with items still in flight; a
// partner process that dies is an error, not a hang.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>

#include "idiombench/support/resource_snapshot.hpp"
#include "ipc_roundtrip/variants.hpp"
#include "partner_process.hpp"
#include "queue_handoff/bounded_queue.hpp"
#include "queue_handoff/variants.hpp"
#include "shared_counter/variants.hpp"
#include "transfer_cost/case.hpp"

namespace idiombench::concurrency {
namespace {

TEST(SharedCounter, EveryVariantCountsExactly) {
  using namespace shared_counter;
  const std::pair<const char*, Counter> counters[] = {
      {"mutex", count_mutex},
      {"spinlock", count_spinlock},
      {"atomic_seq_cst", count_atomic_seq_cst},
      {"atomic_relaxed", count_atomic_relaxed},
      {"sharded", count_sharded},
      {"false_sharing", count_false_sharing},
      {"local_then_combine", count_local_then_combine},
  };
  for (int threads : {1, 2, 3, 5}) {
    support::ThreadPool pool(threads);
    for (std::uint64_t increments : {0, 1, 7, 20011}) {
      for (const auto& [name, count] : counters) {
        EXPECT_EQ(count(pool, increments), increments * static_cast<std::uint64_t>(threads))
            << name << " with " << threads << " threads";
      }
    }
  }
}

TEST(QueueHandoff, EveryItemArrivesOnceAndInOrder) {
  using namespace queue_handoff;
  const std::pair<const char*, Handoff> handoffs[] = {
      {"mutex_condvar_queue", handoff_mutex_condvar_queue},
      {"boost_lockfree_spsc", handoff_boost_lockfree_spsc},
      {"boost_lockfree_queue", handoff_boost_lockfree_queue},
      {"pipe", handoff_pipe},
      {"shm_ring", handoff_shm_ring},
  };
  const std::pair<std::uint64_t, std::uint64_t> sizes[] = {
      {0, 1}, {1, 1}, {5, 1}, {1000, 3}, {100003, 64}, {4096, 4096}, {70000, 1000}};
  // One item per operation, a batch that does not divide the items, and one larger
  // than the queue (clamped to its capacity).
  for (std::uint64_t batch : {1, 7, 512}) {
    for (const auto& [items, capacity] : sizes) {
      Output expected;
      for (std::uint64_t i = 0; i < items; ++i) consume(expected, item(i));
      for (const auto& [name, handoff] : handoffs) {
        Output got = handoff({items, capacity, batch});
        const auto where = std::string(name) + " " + std::to_string(items) + " items, capacity " +
                           std::to_string(capacity) + ", batch " + std::to_string(batch);
        EXPECT_EQ(got.count, expected.count) << where;
        EXPECT_EQ(got.hash, expected.hash) << where << ": an item was lost, repeated or reordered";
      }
    }
  }
}

TEST(BoundedQueue, ClosingWithItemsInFlightLetsTheConsumerDrainThem) {
  queue_handoff::BoundedQueue<int> queue(8);
  for (int i = 0; i < 5; ++i) queue.push(i);
  queue.close();
  for (int i = 0; i < 5; ++i) {
    auto value = queue.pop();
    ASSERT_TRUE(value.has_value());
    EXPECT_EQ(*value, i) << "first in, first out";
  }
  EXPECT_FALSE(queue.pop().has_value()) << "closed and empty: the stream has ended";
  EXPECT_FALSE(queue.pop().has_value());
}

TEST(BoundedQueue, AFullQueueHoldsTheProducerBack) {
  queue_handoff::BoundedQueue<int> queue(2);
  queue.push(1);
  queue.push(2);
  std::atomic<bool> pushed{false};
  std::jthread producer([&] {
    queue.push(3);
    pushed = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(pushed.load()) << "push returned while the queue was full";
  EXPECT_EQ(queue.pop(), 1);
  producer.join();
  EXPECT_TRUE(pushed.load());
  EXPECT_EQ(queue.pop(), 2);
  EXPECT_EQ(queue.pop(), 3);
}

TEST(BoundedQueue, BatchesMoveWhatFitsInOrderAndNoMoreThanAsked) {
  queue_handoff::BoundedQueue<int> queue(4);
  std::vector<int> values(10);
  std::iota(values.begin(), values.end(), 0);
  std::jthread producer([&] {
    queue.push_all(values);  // more than the queue holds: pushed as room appears
    queue.close();
  });
  std::vector<int> got, chunk;
  while (queue.pop_some(chunk, 3)) {
    EXPECT_FALSE(chunk.empty()) << "true means something was taken";
    EXPECT_LE(chunk.size(), 3u) << "more than asked for";
    got.insert(got.end(), chunk.begin(), chunk.end());
  }
  EXPECT_EQ(got, values) << "every item once, first in first out";
}

TEST(IpcRoundtrip, EveryChannelCarriesEveryMessage) {
  using namespace ipc_roundtrip;
  const std::pair<const char*, PingPong> channels[] = {
      {"pipe", ping_pong_pipe},
      {"socketpair", ping_pong_socketpair},
      {"shm_futex", ping_pong_shm_futex},
      {"shm_spin", ping_pong_shm_spin},
      {"thread_condvar", ping_pong_thread_condvar},
  };
  for (std::uint64_t n : {0, 1, 3, 1001}) {
    for (const auto& [name, ping_pong] : channels) {
      EXPECT_EQ(ping_pong(n), 2 * n) << name << " with " << n << " round trips";
    }
  }
}

TEST(PartnerProcess, APartnerThatDiesIsAnErrorNotAHang) {
  {
    PartnerProcess partner({}, [](std::uint64_t request) -> std::uint64_t {
      if (request == 2) ::raise(SIGKILL);
      return request + 1;
    });
    partner.start(1);
    EXPECT_EQ(partner.finish(), 2u);
    partner.start(2);
    try {
      partner.finish();
      ADD_FAILURE() << "no error from a dead partner";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("signal 9"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(partner.alive());
    EXPECT_THROW(partner.start(3), std::runtime_error);
  }
  EXPECT_EQ(support::zombie_children(), 0);
}

TEST(PartnerProcess, LeavesNoDescriptorOrChildBehind) {
  support::ResourceSnapshot before;
  {
    PartnerProcess partner({}, [](std::uint64_t request) { return request * 2; });
    partner.start(21);
    EXPECT_EQ(partner.finish(), 42u);
  }
  support::ResourceSnapshot after;
  EXPECT_EQ(after.fds, before.fds);
  EXPECT_EQ(after.zombies, 0);
}

TEST(TransferCost, EveryVariantDeliversEveryByte) {
  using namespace transfer_cost;
  const std::pair<const char*, Transfer> transfers[] = {
      {"pipe", transfer_pipe},
      {"shared_memory", transfer_shared_memory},
      {"shared_memory_in_place", transfer_shared_memory_in_place},
  };
  for (std::size_t size : {0, 1, 7, 8, 9, 4095, 65537, (1 << 21) + 3}) {
    for (int round = 0; round < 2; ++round) {
      // Two different inputs of one size in turn: nothing may be served from a stale copy.
      Input in = make_payload(size);
      if (round == 1 && size > 0) in.payload[size / 2] ^= 0x5a;
      const auto expected = checksum(in.payload.data(), in.payload.size());
      for (const auto& [name, transfer] : transfers) {
        EXPECT_EQ(transfer(in), expected) << name << " with " << size << " bytes, round " << round;
      }
    }
  }
}

TEST(TransferCost, TheChecksumSeesAMisplacedWord) {
  auto in = transfer_cost::make_payload(64);
  const auto before = transfer_cost::checksum(in.payload.data(), 64);
  std::swap_ranges(in.payload.begin(), in.payload.begin() + 8, in.payload.begin() + 8);
  EXPECT_NE(transfer_cost::checksum(in.payload.data(), 64), before);
}

}  // namespace
}  // namespace idiombench::concurrency
