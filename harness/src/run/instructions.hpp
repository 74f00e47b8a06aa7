// Instruction-count mode: the instructions executed by the timed loop only (building
// the input and verifying it do not count). Where the kernel offers hardware counters,
// the child reads them itself (perf_event_open, user-space instructions of the process
// and the threads it starts); otherwise it runs under Valgrind's callgrind, which counts
// between client requests around the loop: exact, but tens of times slower, so a fixed
// small number of iterations is measured. Repeatable where wall-clock time is not, for
// single-threaded code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "idiombench/support/unique_fd.hpp"

namespace idiombench {

// Which counter instruction mode uses here: "perf" where hardware counters can be opened
// (unless IDIOMBENCH_INSTRUCTION_COUNTER=callgrind), else "callgrind".
std::string instruction_counter();
// Empty when instruction counts can be taken here; otherwise why not (no hardware
// counters, and no valgrind on PATH or no callgrind client requests in this build).
std::string instruction_mode_unavailable();
// Non-empty when this build has code Valgrind cannot execute (AVX-512 from
// -march=native): those variants crash under it; the `instructions` preset avoids it.
std::string instruction_mode_warning();

// Whether counts of a variant of this model are deterministic: one thread, one
// process, no device. Others are counted and marked as not exact.
bool instructions_exact_for(const std::string& model);
// Models whose work happens where callgrind does not look (other processes, a GPU):
// skipped in instruction mode, with this reason; empty when countable.
std::string instructions_not_countable(const std::string& model);

// `argv` prefixed with the callgrind command that writes its counts to `out_file`.
std::vector<std::string> under_callgrind(const std::vector<std::string>& argv,
                                         const std::string& out_file);

// The instructions callgrind counted (its `summary:` / `totals:` line), or nothing when
// the file is missing or has no such line.
std::optional<double> callgrind_total(const std::string& out_file);

// In the child: marks the region that callgrind counts (no-ops outside Valgrind).
void start_counting();
void stop_counting();
bool running_under_valgrind();

// In the child, without Valgrind: a hardware instruction counter (user space, this
// process and the threads it starts after `open`).
class HardwareInstructions {
 public:
  HardwareInstructions();
  bool usable() const { return static_cast<bool>(fd_); }
  void start();
  // Instructions since start(), or nothing when the counter could not be read.
  std::optional<double> stop();

 private:
  support::UniqueFd fd_;
};

}  // namespace idiombench
