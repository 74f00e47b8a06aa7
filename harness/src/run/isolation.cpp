#include "run/isolation.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

#include "idiombench/support/unique_fd.hpp"

namespace idiombench {
namespace {

// libgomp binds the initial thread to its first place as it loads when OMP_PROC_BIND or
// OMP_PLACES is set, and a fork inherits that one-core mask: every benchmark child, and
// every thread it starts, would share one core. The mask this process was started with
// is saved before any library initialises (an executable's pre-init function runs
// before the shared libraries' constructors) and is given back to each child.
cpu_set_t start_mask;
bool have_start_mask = false;

void save_start_mask(int, char**, char**) {
  have_start_mask = sched_getaffinity(0, sizeof start_mask, &start_mask) == 0;
}

[[gnu::section(".preinit_array"),
  gnu::used]] void (*const save_start_mask_early)(int, char**, char**) = save_start_mask;

constexpr std::size_t kTailBytes = 4096;

// Runs in the vforked child, on the parent's memory until execv: system calls only, no
// allocation (argv is ready), nothing written but this frame.
[[noreturn]] void exec_child(char* const* argv, int result, int output, pid_t parent,
                             bool result_on_stdout, std::uint64_t memory_limit,
                             const sigset_t& mask) {
  setpgid(0, 0);
  if (memory_limit > 0) {
    const rlimit limit{static_cast<rlim_t>(memory_limit), static_cast<rlim_t>(memory_limit)};
    if (setrlimit(RLIMIT_DATA, &limit) != 0) _exit(127);
  }
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);  // the parent died before the line above
  if (have_start_mask) sched_setaffinity(0, sizeof start_mask, &start_mask);
  // dup2 clears close-on-exec on the new descriptors.
  if (dup2(result, kResultFd) < 0 || dup2(result_on_stdout ? result : output, STDOUT_FILENO) < 0 ||
      dup2(output, STDERR_FILENO) < 0) {
    _exit(127);
  }
  // A handler of the parent's must not run here (on the parent's memory) once signals are
  // let in: the defaults until execv, which resets handlers anyway.
  for (int signal_number = 1; signal_number < NSIG; ++signal_number) {
    struct sigaction action {};
    if (sigaction(signal_number, nullptr, &action) == 0 && action.sa_handler != SIG_DFL &&
        action.sa_handler != SIG_IGN) {
      action.sa_handler = SIG_DFL;
      action.sa_flags = 0;
      sigaction(signal_number, &action, nullptr);
    }
  }
  sigprocmask(SIG_SETMASK, &mask, nullptr);
  execv(argv[0], argv);
  const char* message = "idiombench: cannot exec the benchmark child\n";
  [[maybe_unused]] auto ignored = ::write(STDERR_FILENO, message, std::strlen(message));
  _exit(127);
}

// Starts the child with vfork: it borrows this process's memory until it execs, so a start
// costs the same whatever the parent holds. fork() copied the page tables of every result
// gathered so far and left their pages copy-on-write: ~7 ms a start with 20 MB of heap
// here, and the parent's next write to each page then faulted (~16 µs a page).
pid_t spawn_child(char* const* argv, int result, int output, pid_t parent, bool result_on_stdout,
                  std::uint64_t memory_limit) {
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &previous);
  const pid_t pid = vfork();
  if (pid == 0) exec_child(argv, result, output, parent, result_on_stdout, memory_limit, previous);
  const int error = errno;
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  errno = error;
  return pid;
}

// Reads what is available; returns false at end of file.
bool drain(int fd, std::string& into) {
  char buffer[65536];
  for (;;) {
    auto n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      into.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
}

}  // namespace

int cpus_at_start() {
  return have_start_mask ? CPU_COUNT(&start_mask) : 0;
}

bool write_all(int fd, const std::string& text) {
  const char* data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    auto n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

std::string this_executable() {
  char self[4096];
  auto length = readlink("/proc/self/exe", self, sizeof self - 1);
  return length > 0 ? std::string(self, static_cast<std::size_t>(length)) : "";
}

std::string describe_signal(int signal_number) {
  const char* abbrev = sigabbrev_np(signal_number);
  std::string name =
      abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal_number);
  return name + " (" + strsignal(signal_number) + ")";
}

ChildOutcome run_isolated(const std::vector<std::string>& argv, double timeout_seconds,
                          bool result_on_stdout, std::uint64_t memory_limit_bytes) {
  using Clock = std::chrono::steady_clock;
  auto result = support::make_pipe();
  auto output = support::make_pipe();
  const auto start = Clock::now();
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = spawn_child(args.data(), result.write.get(), output.write.get(), getpid(),
                                result_on_stdout, memory_limit_bytes);
  if (pid < 0) throw std::system_error(errno, std::generic_category(), "vfork");
  setpgid(pid, pid);  // also here, so the group exists before any kill below
  // -1 (an old kernel) only means polling in 100 ms ticks.
  const support::UniqueFd exit_fd(static_cast<int>(syscall(SYS_pidfd_open, pid, 0)));
  result.write.reset();
  output.write.reset();
  fcntl(result.read.get(), F_SETFL, O_NONBLOCK);
  fcntl(output.read.get(), F_SETFL, O_NONBLOCK);

  ChildOutcome outcome;
  std::string console;
  bool result_open = true, output_open = true, timed_out = false;
  int status = 0;
  const auto deadline = start + std::chrono::duration<double>(timeout_seconds);
  for (;;) {
    // The pidfd becomes readable when the child exits, so its end is seen at once
    // rather than at the next tick (children are many: `run --processes`, `ab`).
    pollfd fds[3] = {{result_open ? result.read.get() : -1, POLLIN, 0},
                     {output_open ? output.read.get() : -1, POLLIN, 0},
                     {exit_fd.get(), POLLIN, 0}};
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    int wait_ms = static_cast<int>(std::clamp<long long>(left.count(), 0, 100));
    poll(fds, 3, wait_ms);
    if (result_open) result_open = drain(result.read.get(), outcome.result);
    if (output_open) output_open = drain(output.read.get(), console);
    if (console.size() > 2 * kTailBytes) console.erase(0, console.size() - kTailBytes);
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (Clock::now() >= deadline) {
      timed_out = true;
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      break;
    }
  }
  // Whatever the child started is not ours to keep: it dies with the child.
  kill(-pid, SIGKILL);
  if (result_open) drain(result.read.get(), outcome.result);
  if (output_open) drain(output.read.get(), console);

  outcome.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  outcome.output_tail =
      console.size() > kTailBytes ? console.substr(console.size() - kTailBytes) : console;
  if (timed_out) {
    outcome.kind = ChildOutcome::Kind::timed_out;
  } else if (WIFSIGNALED(status)) {
    outcome.kind = ChildOutcome::Kind::signaled;
    outcome.code = WTERMSIG(status);
  } else {
    outcome.kind = ChildOutcome::Kind::exited;
    outcome.code = WEXITSTATUS(status);
  }
  return outcome;
}

}  // namespace idiombench
