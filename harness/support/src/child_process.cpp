#include "idiombench/support/child_process.hpp"

#include <fmt/format.h>
#include <linux/close_range.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <system_error>
#include <vector>

namespace idiombench::support {
namespace {

// close_range, or where it answers ENOSYS (Linux before 5.9: RHEL 8's 4.18) one close per
// descriptor up to the open-file limit: a descriptor left open in a child (a pipe's write
// end) would keep its reader from ever seeing the end.
void close_descriptors(unsigned first, unsigned last) {
  if (::syscall(SYS_close_range, first, last, 0) == 0 || errno != ENOSYS) return;
  rlimit limit{};
  rlim_t end = 1 << 20;  // the kernel's default fs.nr_open: no descriptor lies past it
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < end) end = limit.rlim_cur;
  for (rlim_t fd = first; fd <= last && fd < end; ++fd) ::close(static_cast<int>(fd));
}

void close_all_but(std::vector<int> keep) {
  std::sort(keep.begin(), keep.end());
  unsigned first = 3;
  for (int fd : keep) {
    if (fd < static_cast<int>(first)) continue;
    if (static_cast<unsigned>(fd) > first) close_descriptors(first, static_cast<unsigned>(fd) - 1);
    first = static_cast<unsigned>(fd) + 1;
  }
  close_descriptors(first, ~0U);
}

}  // namespace

pid_t fork_child(const std::vector<int>& keep, const std::function<int()>& body) {
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::system_error(errno, std::generic_category(), "fork");
  if (pid > 0) return pid;
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(71);  // the parent died before prctl
  close_all_but(keep);
  int status = 70;
  try {
    status = body();
  } catch (...) {
  }
  ::_exit(status);
}

std::string describe_exit(int status) {
  if (WIFEXITED(status)) {
    return WEXITSTATUS(status) == 0 ? ""
                                    : fmt::format("exited with status {}", WEXITSTATUS(status));
  }
  if (WIFSIGNALED(status)) {
    return fmt::format("killed by signal {} ({})", WTERMSIG(status), ::strsignal(WTERMSIG(status)));
  }
  return fmt::format("ended with wait status {}", status);
}

std::string wait_child(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::system_error(errno, std::generic_category(), "waitpid");
  }
  return describe_exit(status);
}

}  // namespace idiombench::support
