// ipc_roundtrip/shm_futex and shm_spin: the number lives in memory both processes map;
// a `turn` word says whose move it is. shm_futex sleeps in the kernel until woken
// (what a process-shared mutex or condition variable does underneath); shm_spin polls
// the word with `pause` and never enters the kernel: the lowest latency, for the price
// of a core spinning the whole time (and a disaster with more spinners than cores).
#include <atomic>
#include <stdexcept>

#include "idiombench/support/futex.hpp"
#include "idiombench/support/shared_region.hpp"
#include "ipc_roundtrip/variants.hpp"
#include "partner_process.hpp"

namespace idiombench::concurrency::ipc_roundtrip {
namespace {

struct Board {
  alignas(64) std::atomic<std::uint32_t> turn;  // 0: the parent's move, 1: the partner's
  std::uint64_t value;
};

struct Futex {
  // Sleeps while it is not `mine`'s turn; `alive` is asked every 100 ms of waiting.
  template <class Alive>
  static bool wait_turn(Board& b, std::uint32_t mine, Alive alive) {
    for (std::uint32_t now; (now = b.turn.load(std::memory_order_acquire)) != mine;) {
      support::futex_wait_for(b.turn, now, 100'000'000);
      if (b.turn.load(std::memory_order_acquire) != mine && !alive()) return false;
    }
    return true;
  }
  static void pass(Board& b, std::uint32_t to) {
    b.turn.store(to, std::memory_order_release);
    support::futex_wake_all(b.turn);
  }
};

struct Spin {
  template <class Alive>
  static bool wait_turn(Board& b, std::uint32_t mine, Alive alive) {
    for (std::uint64_t spins = 1; b.turn.load(std::memory_order_acquire) != mine; ++spins) {
      support::cpu_relax();
      if (spins % (1 << 20) == 0 && !alive()) return false;
    }
    return true;
  }
  static void pass(Board& b, std::uint32_t to) { b.turn.store(to, std::memory_order_release); }
};

template <class Wait>
Output ping_pong_shared(std::uint64_t round_trips) {
  static support::SharedRegion region("idiombench-ipc-roundtrip", sizeof(Board));
  static Board& board = *support::construct_at_offset<Board>(region, 0);
  static PartnerProcess partner({}, [](std::uint64_t n) {
    for (std::uint64_t i = 0; i < n; ++i) {
      Wait::wait_turn(board, 1, [] { return true; });  // the parent's death kills us
      ++board.value;
      Wait::pass(board, 0);
    }
    return std::uint64_t{0};
  });
  board.value = 0;
  partner.start(round_trips);
  for (std::uint64_t i = 0; i < round_trips; ++i) {
    Wait::pass(board, 1);
    if (!Wait::wait_turn(board, 0, [] { return partner.alive(); })) break;
    ++board.value;
  }
  partner.finish();  // throws if the partner died
  return board.value;
}

}  // namespace

Output ping_pong_shm_futex(std::uint64_t round_trips) {
  return ping_pong_shared<Futex>(round_trips);
}
Output ping_pong_shm_spin(std::uint64_t round_trips) {
  return ping_pong_shared<Spin>(round_trips);
}

namespace {
[[maybe_unused]] const auto registered = {
    register_ping_pong("shm_futex", "processes", ping_pong_shm_futex),
    register_ping_pong("shm_spin", "processes", ping_pong_shm_spin),
};
}

}  // namespace idiombench::concurrency::ipc_roundtrip
