// A file descriptor that closes itself, and whole-buffer read/write that retry on
// EINTR and short transfers. What the process-based variants move their bytes with.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <utility>

namespace idiombench::support {

class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) reset(std::exchange(other.fd_, -1));
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }

  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

// Both ends of a pipe, or of a socketpair (a two-way pipe), close-on-exec. Making
// either also sets SIGPIPE to ignored in this process (once, if it was the default):
// a write to a peer that died must fail with EPIPE, not kill the writer.
struct FdPair {
  UniqueFd read, write;
};
FdPair make_pipe();
FdPair make_socketpair();

// Transfer exactly `size` bytes. read_full returns false on end of file before the
// first byte; it and write_full throw std::system_error on errors and on a partial
// message (the other side went away mid-way).
bool read_full(int fd, void* data, std::size_t size);
void write_full(int fd, const void* data, std::size_t size);

}  // namespace idiombench::support
