// Running a command in a child process with a deadline, collecting what it writes
// to its result descriptor (fd 3) and the tail of its console output.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace idiombench {

struct ChildOutcome {
  enum class Kind { exited, signaled, timed_out };
  Kind kind = Kind::exited;
  int code = 0;             // exit status (exited) or signal number (signaled)
  std::string result;       // everything the child wrote to fd 3
  std::string output_tail;  // the last few KiB of its stdout + stderr
  double seconds = 0;
};

// The child runs in its own process group (so a hang is killed with everything it
// started) and dies with its parent. Throws std::system_error when it cannot start.
// With `result_on_stdout`, its stdout is the result (for commands that print JSON).
// With `memory_limit_bytes`, the child's data (heap and private mappings) is limited to
// that (RLIMIT_DATA): a variant that allocates without bound fails an allocation instead
// of taking the machine's memory.
ChildOutcome run_isolated(const std::vector<std::string>& argv, double timeout_seconds,
                          bool result_on_stdout = false, std::uint64_t memory_limit_bytes = 0);

// The absolute path of the running executable ("" when /proc cannot say).
std::string this_executable();

// How many CPUs this process was allowed when it started, before any library (libgomp
// under OMP_PROC_BIND) narrowed it; children start with that mask again. 0: unknown.
int cpus_at_start();

// The fd a child writes its result to.
constexpr int kResultFd = 3;

// Writes all of `text` to `fd`; false on an error.
bool write_all(int fd, const std::string& text);

// "SIGSEGV (Segmentation fault)".
std::string describe_signal(int signal_number);

}  // namespace idiombench
