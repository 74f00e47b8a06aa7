// Running a command in a child process with a deadline, collecting what it writes
// to its result descriptor (fd 3) and the tail of its console output.
#pragma once

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
ChildOutcome run_isolated(const std::vector<std::string>& argv, double timeout_seconds,
                          bool result_on_stdout = false);

// The absolute path of the running executable ("" when /proc cannot say).
std::string this_executable();

// "SIGSEGV (Segmentation fault)".
std::string describe_signal(int signal_number);

}  // namespace idiombench
