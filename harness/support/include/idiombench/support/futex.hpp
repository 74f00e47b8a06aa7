// Sleeping on a 32-bit word in shared memory until another process changes it: the
// wait/wake underneath every mutex and condition variable, used directly where the
// waiter and the waker are different processes.
#pragma once

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <time.h>

#include <atomic>
#include <cstdint>

namespace idiombench::support {

static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t));

// Sleeps while `word` still holds `expected` (returns at once if it does not, and may
// return spuriously: callers re-check in a loop).
inline void futex_wait(std::atomic<std::uint32_t>& word, std::uint32_t expected) {
  ::syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word), FUTEX_WAIT, expected, nullptr,
            nullptr, 0);
}

// The same, giving up after `timeout_ns` so that the caller can check its partner is
// still alive.
inline void futex_wait_for(std::atomic<std::uint32_t>& word, std::uint32_t expected,
                           long timeout_ns) {
  timespec timeout{timeout_ns / 1000000000L, timeout_ns % 1000000000L};
  ::syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word), FUTEX_WAIT, expected, &timeout,
            nullptr, 0);
}

inline void futex_wake_all(std::atomic<std::uint32_t>& word) {
  ::syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word), FUTEX_WAKE, INT32_MAX, nullptr,
            nullptr, 0);
}

// A polite spin: tells the core this is a wait loop (x86 `pause`), so a sibling
// hyperthread or the other spinner gets the execution resources.
inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

}  // namespace idiombench::support
