// What the two one-thread event loops (epoll_loop, io_uring) keep per connection slot —
// the page it works on, the request and the response so far, the page's deadline, and
// whether the connection was kept from the previous page — and how they hand pages to
// slots. The loops differ only in how they wait for the socket.
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

// A job's pages handed out to a fixed set of connection slots (`concurrency` of them),
// each working on one page at a time until none is left: the bookkeeping both loops
// share. `Slot` is a PageSlot with what the loop keeps besides.
template <class Slot>
class PageSlots {
 public:
  PageSlots(const FetchJob& job, Titles& titles)
      : job_(job),
        titles_(titles),
        slots_(std::min<std::size_t>(static_cast<std::size_t>(std::max(1, job.concurrency)),
                                     job.paths.size())) {}

  std::size_t size() const { return slots_.size(); }
  Slot& operator[](std::size_t s) { return slots_[s]; }
  const Slot& operator[](std::size_t s) const { return slots_[s]; }
  // Whether some page is still in flight.
  bool busy() const { return active_ > 0; }

  // Gives slot s the job's next page (its deadline starts now); false when none is left.
  bool take_next(std::size_t s) {
    if (next_ >= job_.paths.size()) return false;
    slots_[s].assign(next_++, job_);
    ++active_;
    return true;
  }

  // Stores slot s's page result and frees the slot, closing its connection unless kept.
  void complete(std::size_t s, PageResult result, bool keep_connection) {
    Slot& slot = slots_[s];
    titles_[slot.page] = std::move(result);
    if (!keep_connection) slot.fd.reset();
    slot.state = PageSlot::State::idle;
    --active_;
  }

  // The busy slots whose page is past its deadline.
  std::vector<std::size_t> overdue(Clock::time_point now) const {
    std::vector<std::size_t> late;
    for (std::size_t s = 0; s < slots_.size(); ++s) {
      if (slots_[s].state != PageSlot::State::idle && slots_[s].deadline <= now) late.push_back(s);
    }
    return late;
  }

  // The earliest deadline among busy slots, or Clock::time_point::max().
  Clock::time_point first_deadline() const {
    auto first = Clock::time_point::max();
    for (const auto& s : slots_) {
      if (s.state != PageSlot::State::idle) first = std::min(first, s.deadline);
    }
    return first;
  }

 private:
  const FetchJob& job_;
  Titles& titles_;
  std::vector<Slot> slots_;
  std::size_t next_ = 0, active_ = 0;
};

// A TCP socket for a new connection, TCP_NODELAY (requests are small and must not wait).
inline support::UniqueFd tcp_socket(int flags) {
  support::UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | flags, 0));
  const int one = 1;
  if (fd) ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

}  // namespace idiombench::io::fetch_titles
