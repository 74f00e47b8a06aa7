#include "idiombench/support/unique_fd.hpp"

#include <fcntl.h>
#include <sys/socket.h>

#include <cerrno>
#include <csignal>
#include <mutex>
#include <system_error>

namespace idiombench::support {
namespace {

[[noreturn]] void fail(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}

void ignore_sigpipe() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction current {};
    if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) {
      std::signal(SIGPIPE, SIG_IGN);
    }
  });
}

}  // namespace

FdPair make_pipe() {
  ignore_sigpipe();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) fail("pipe2");
  return {UniqueFd(fds[0]), UniqueFd(fds[1])};
}

FdPair make_socketpair() {
  ignore_sigpipe();
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) fail("socketpair");
  return {UniqueFd(fds[0]), UniqueFd(fds[1])};
}

bool read_full(int fd, void* data, std::size_t size) {
  auto* at = static_cast<char*>(data);
  std::size_t done = 0;
  while (done < size) {
    ssize_t got = ::read(fd, at + done, size - done);
    if (got > 0) {
      done += static_cast<std::size_t>(got);
    } else if (got == 0) {
      if (done == 0) return false;
      errno = EPIPE;
      fail("read: end of file in the middle of a message");
    } else if (errno != EINTR) {
      fail("read");
    }
  }
  return true;
}

void write_full(int fd, const void* data, std::size_t size) {
  const auto* at = static_cast<const char*>(data);
  std::size_t done = 0;
  while (done < size) {
    ssize_t put = ::write(fd, at + done, size - done);
    if (put > 0) {
      done += static_cast<std::size_t>(put);
    } else if (put < 0 && errno != EINTR) {
      fail("write");
    }
  }
}

}  // namespace idiombench::support
