// What the two one-thread event loops (epoll_loop, io_uring) keep per connection slot:
// the page it works on, the request and the response so far, the page's deadline, and
// whether the connection was kept from the previous page. The loops differ only in how
// they wait for the socket.
#pragma once

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "fetch_titles/case.hpp"
#include "http/blocking_connection.hpp"
#include "idiombench/support/unique_fd.hpp"

namespace idiombench::io::fetch_titles {

struct PageSlot {
  enum class State { idle, connecting, sending, receiving } state = State::idle;
  support::UniqueFd fd;
  std::size_t page = 0;
  std::string request;
  std::size_t sent = 0;
  std::optional<ResponseParser> parser;
  Clock::time_point deadline;
  bool reused = false, received = false, retried = false;

  // A new page for this slot; its deadline starts now.
  void assign(std::size_t index, const FetchJob& job) {
    page = index;
    deadline = Clock::now() + job.timeout;
    retried = false;
  }
  // (Re)starts the page's exchange, on the kept connection if there is one.
  void restart(const FetchJob& job) {
    request = http_request(job.target, job.paths[page], job.keep_alive);
    sent = 0;
    parser.emplace();
    received = false;
    reused = static_cast<bool>(fd);
  }
  // A kept connection that failed before anything came back had gone stale: it gets one
  // fresh attempt (and only one).
  bool take_retry() {
    if (!reused || received || retried) return false;
    retried = true;
    fd.reset();
    return true;
  }
  // Whether the connection may serve the next page.
  bool keeps_connection(const FetchJob& job) const {
    return job.keep_alive && parser->state() == ResponseParser::State::complete &&
           !parser->closes() && !parser->surplus();
  }
};

// The earliest deadline among busy slots, or Clock::time_point::max().
template <class Slot>
Clock::time_point first_deadline(const std::vector<Slot>& slots) {
  auto first = Clock::time_point::max();
  for (const auto& s : slots) {
    if (s.state != PageSlot::State::idle) first = std::min(first, s.deadline);
  }
  return first;
}

// A TCP socket for a new connection, TCP_NODELAY (requests are small and must not wait).
inline support::UniqueFd tcp_socket(int flags) {
  support::UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | flags, 0));
  const int one = 1;
  if (fd) ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

}  // namespace idiombench::io::fetch_titles
