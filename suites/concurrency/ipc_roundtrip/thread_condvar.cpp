// ipc_roundtrip/thread_condvar: the same ping-pong between two threads of one process,
// a mutex and a condition variable per direction of play: the in-process reference.
#include <condition_variable>
#include <mutex>
#include <thread>

#include "ipc_roundtrip/variants.hpp"

namespace idiombench::concurrency::ipc_roundtrip {

Output ping_pong_thread_condvar(std::uint64_t round_trips) {
  std::mutex mutex;
  std::condition_variable partner_turn, my_turn;
  int turn = 0;  // 0: this thread's move, 1: the partner's
  std::uint64_t value = 0;
  std::jthread partner([&] {
    for (std::uint64_t i = 0; i < round_trips; ++i) {
      std::unique_lock lock(mutex);
      partner_turn.wait(lock, [&] { return turn == 1; });
      ++value;
      turn = 0;
      lock.unlock();
      my_turn.notify_one();
    }
  });
  for (std::uint64_t i = 0; i < round_trips; ++i) {
    std::unique_lock lock(mutex);
    turn = 1;
    lock.unlock();
    partner_turn.notify_one();
    lock.lock();
    my_turn.wait(lock, [&] { return turn == 0; });
    ++value;
  }
  partner.join();
  return value;
}

namespace {
[[maybe_unused]] const auto registered =
    register_ping_pong("thread_condvar", "threads", ping_pong_thread_condvar);
}

}  // namespace idiombench::concurrency::ipc_roundtrip
