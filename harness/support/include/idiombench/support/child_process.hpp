// Forking the worker processes of the process-based variants: a child that keeps only
// the descriptors it is given, dies with its parent, and never returns into the
// parent's code; and reaping it with a description of how it ended.
#pragma once

#include <sys/types.h>

#include <functional>
#include <string>
#include <vector>

namespace idiombench::support {

// Runs `body` in a forked child and _exits with its result (70 if it throws). The child
// closes every descriptor above 2 except `keep`, and gets SIGKILL when the thread that
// forked it ends (fork from a long-lived thread), so a crashed benchmark leaves no
// workers behind.
pid_t fork_child(const std::vector<int>& keep, const std::function<int()>& body);

// Waits for `pid` and says how it ended: "" for exit status 0, otherwise e.g.
// "exited with status 3" or "killed by signal 9 (Killed)".
std::string wait_child(pid_t pid);

// How a status from waitpid reads in an error message ("" for a clean exit).
std::string describe_exit(int status);

}  // namespace idiombench::support
