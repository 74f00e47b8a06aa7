// Instruction-count mode: the benchmark child runs under Valgrind's callgrind, which
// counts the instructions executed between the client requests around the timed loop
// (so building the input and verifying it do not count). Repeatable where wall-clock
// time is not, for single-threaded code; slow (tens of times), so a fixed small number
// of iterations is measured.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace idiombench {

// Empty when instruction counts can be taken here; otherwise why not (no valgrind on
// PATH, no callgrind client requests in this build).
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

}  // namespace idiombench
