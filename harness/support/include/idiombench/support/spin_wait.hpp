// The one waiting policy of every spinning waiter in idiombench (the thread pool, the
// lock-free queues, the shared-memory ring): spin with `pause` for up to 50 us, then the
// caller sleeps (futex, condition variable) or, where it has no way to sleep, yields the
// core. 50 us is several times what a futex wake-up costs on an idle core, so a partner
// that answers soon is caught spinning, and one that does not costs at most that much
// CPU. One policy for all, so the comparisons measure the mechanisms, not their patience.
#pragma once

#include <chrono>

#include "idiombench/support/futex.hpp"

namespace idiombench::support {

inline constexpr std::chrono::microseconds kSpinBudget{50};

class SpinWait {
 public:
  // Pauses once and returns true while the budget lasts; false once it is spent (the
  // caller should then sleep or yield). The clock is read every 64 pauses, the first
  // time after 64: a short wait, the common one, costs no clock read at all.
  bool spin() {
    if ((++spins_ & 63) == 0) {
      const auto now = std::chrono::steady_clock::now();
      if (spins_ == 64) {
        until_ = now + kSpinBudget;
      } else if (now >= until_) {
        return false;
      }
    }
    cpu_relax();
    return true;
  }
  // Starts a new budget (after the wait ended).
  void reset() { spins_ = 0; }

 private:
  unsigned spins_ = 0;
  std::chrono::steady_clock::time_point until_{};
};

}  // namespace idiombench::support
