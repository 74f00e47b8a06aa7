// fetch_titles/epoll_loop: one thread, `concurrency` non-blocking connections, a state
// machine per connection (connecting -> sending -> receiving) driven by epoll
// readiness; what every event loop (asyncio's included) does underneath. Per-page
// deadlines bound epoll_wait's timeout.
#include <fmt/format.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

#include "fetch_titles/case.hpp"
#include "fetch_titles/page_slot.hpp"
#include "http/blocking_connection.hpp"

namespace idiombench::io::fetch_titles {
namespace {

struct Slot : PageSlot {
  bool waiting_to_write = false;  // registered for EPOLLOUT rather than EPOLLIN
};

class Loop {
 public:
  Loop(const FetchJob& job, Titles& titles) : job_(job), slots_(job, titles) {}

  void run() {
    for (std::size_t s = 0; s < slots_.size(); ++s) start_next(s);
    std::vector<epoll_event> events(std::max<std::size_t>(1, slots_.size()));
    while (slots_.busy()) {
      int n = ::epoll_wait(epoll_.get(), events.data(), static_cast<int>(events.size()), wait_ms());
      for (int i = 0; i < n; ++i) {
        const auto& e = events[static_cast<std::size_t>(i)];
        progress(e.data.u32, e.events);
      }
      expire();
    }
  }

 private:
  int wait_ms() const {
    const auto first = slots_.first_deadline();
    return first == Clock::time_point::max() ? -1 : milliseconds_left(first);
  }

  void watch(std::size_t s, std::uint32_t events, bool add) {
    epoll_event e{};
    e.events = events;
    e.data.u32 = static_cast<std::uint32_t>(s);
    ::epoll_ctl(epoll_.get(), add ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, slots_[s].fd.get(), &e);
  }

  void start_next(std::size_t s) {
    if (slots_.take_next(s)) begin(s);
  }

  // (Re)starts the slot's page: on its kept connection, or a new one.
  void begin(std::size_t s) {
    Slot& slot = slots_[s];
    slot.restart(job_);
    if (slot.reused) {
      // A kept connection is nearly always writable: send at once, no epoll round.
      slot.state = Slot::State::sending;
      return progress(s, 0);
    }
    slot.fd = tcp_socket(SOCK_NONBLOCK);
    if (!slot.fd) return finish(s, {"", fmt::format("socket: {}", std::strerror(errno))}, false);
    const auto* address = reinterpret_cast<const sockaddr*>(&job_.target.address);
    if (::connect(slot.fd.get(), address, sizeof job_.target.address) != 0 &&
        errno != EINPROGRESS) {
      return finish(s, {"", fmt::format("connect: {}", std::strerror(errno))}, false);
    }
    slot.state = Slot::State::connecting;
    watch(s, EPOLLOUT, true);
  }

  void progress(std::size_t s, std::uint32_t events) {
    Slot& slot = slots_[s];
    if (slot.state == Slot::State::connecting) {
      int status = 0;
      socklen_t length = sizeof status;
      ::getsockopt(slot.fd.get(), SOL_SOCKET, SO_ERROR, &status, &length);
      if (status != 0)
        return finish(s, {"", fmt::format("connect: {}", std::strerror(status))}, false);
      slot.state = Slot::State::sending;
      slot.waiting_to_write = true;  // still registered for EPOLLOUT
    }
    if (slot.state == Slot::State::sending) {
      while (slot.sent < slot.request.size()) {
        ssize_t put = ::send(slot.fd.get(), slot.request.data() + slot.sent,
                             slot.request.size() - slot.sent, MSG_NOSIGNAL);
        if (put > 0) {
          slot.sent += static_cast<std::size_t>(put);
        } else if (put < 0 && errno == EAGAIN) {
          if (!slot.waiting_to_write) watch(s, EPOLLOUT, false);
          slot.waiting_to_write = true;
          return;
        } else if (put < 0 && errno != EINTR) {
          return retry_or_fail(s, fmt::format("send: {}", std::strerror(errno)));
        }
      }
      slot.state = Slot::State::receiving;
      // Interest stays EPOLLIN between requests; only a connect or a blocked send changes it.
      if (slot.waiting_to_write) watch(s, EPOLLIN, false);
      slot.waiting_to_write = false;
      return;
    }
    if (slot.state == Slot::State::receiving && (events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
      receive(s);
  }

  void receive(std::size_t s) {
    Slot& slot = slots_[s];
    char buffer[65536];
    for (;;) {
      ssize_t got = ::recv(slot.fd.get(), buffer, sizeof buffer, 0);
      if (got > 0) {
        slot.received = true;
        if (slot.parser->feed({buffer, static_cast<std::size_t>(got)}) !=
            ResponseParser::State::incomplete)
          break;
      } else if (got == 0) {
        if (!slot.received) return retry_or_fail(s, "connection closed before any response");
        slot.parser->end_of_stream();
        break;
      } else if (errno == EAGAIN) {
        return;
      } else if (errno != EINTR) {
        return retry_or_fail(s, fmt::format("recv: {}", std::strerror(errno)));
      }
    }
    finish(s, page_result(*slot.parser), slot.keeps_connection(job_));
  }

  // A kept connection the server closed meanwhile gets one fresh attempt.
  void retry_or_fail(std::size_t s, std::string why) {
    if (slots_[s].take_retry()) return begin(s);
    finish(s, {"", std::move(why)}, false);
  }

  void finish(std::size_t s, PageResult result, bool keep_connection) {
    slots_.complete(s, std::move(result), keep_connection);  // closing removes it from epoll
    start_next(s);
  }

  void expire() {
    for (std::size_t s : slots_.overdue(Clock::now())) finish(s, {"", "timed out"}, false);
  }

  const FetchJob& job_;
  support::UniqueFd epoll_{::epoll_create1(EPOLL_CLOEXEC)};
  PageSlots<Slot> slots_;
};

}  // namespace

Titles fetch_epoll_loop(const FetchJob& job) {
  Titles titles(job.paths.size());
  Loop(job, titles).run();
  return titles;
}

namespace {
[[maybe_unused]] const auto registered = register_fetcher("epoll_loop", "async", fetch_epoll_loop);
}

}  // namespace idiombench::io::fetch_titles
