// fetch_titles/io_uring: the same one-thread state machine as epoll_loop, but completion-
// based: connect, send and recv are submitted to an io_uring (liburing) and the loop
// reacts to their completions, many submitted per system call. A page past its deadline
// has its operation cancelled (IORING_OP_ASYNC_CANCEL) and its socket closed; stale
// completions are recognised by a generation number in their user_data.
#include "fetch_titles/case.hpp"
#include "idiombench/backend.hpp"

#ifdef IDIOMBENCH_HAVE_IO_URING
#include <fmt/format.h>
#include <liburing.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "fetch_titles/page_slot.hpp"
#include "http/blocking_connection.hpp"
#endif

namespace idiombench::io::fetch_titles {

#ifdef IDIOMBENCH_HAVE_IO_URING
namespace {

constexpr std::uint64_t kIgnored = ~std::uint64_t{0};  // user_data of cancel requests

struct Slot : PageSlot {
  std::uint32_t generation = 0;  // of the page: completions for an older one are stale
  std::vector<char> buffer = std::vector<char>(65536);
};

class Ring {
 public:
  Ring(const FetchJob& job, Titles& titles) : job_(job), slots_(job, titles) {
    const unsigned entries =
        static_cast<unsigned>(std::clamp<std::size_t>(2 * slots_.size() + 8, 16, 4096));
    if (int e = io_uring_queue_init(entries, &ring_, 0); e < 0) {
      throw std::runtime_error(fmt::format("io_uring_queue_init: {}", std::strerror(-e)));
    }
  }
  ~Ring() { io_uring_queue_exit(&ring_); }

  void run() {
    for (std::size_t s = 0; s < slots_.size(); ++s) start_next(s);
    while (slots_.busy()) {
      io_uring_submit(&ring_);
      io_uring_cqe* cqe = nullptr;
      __kernel_timespec wait = time_to_first_deadline();
      int e = io_uring_wait_cqe_timeout(&ring_, &cqe, &wait);
      if (e == 0) {
        unsigned head, seen = 0;
        io_uring_for_each_cqe(&ring_, head, cqe) {
          complete(cqe->user_data, cqe->res);
          ++seen;
        }
        io_uring_cq_advance(&ring_, seen);
      } else if (e != -ETIME && e != -EINTR) {
        throw std::runtime_error(fmt::format("io_uring_wait_cqe: {}", std::strerror(-e)));
      }
      expire();
    }
  }

 private:
  __kernel_timespec time_to_first_deadline() const {
    // At most a second: the loop also wakes to notice nothing is left to do.
    const auto first = std::min(slots_.first_deadline(), Clock::now() + std::chrono::seconds(1));
    auto ns = std::max<long long>(
        0, std::chrono::duration_cast<std::chrono::nanoseconds>(first - Clock::now()).count());
    return {ns / 1000000000, ns % 1000000000};
  }

  io_uring_sqe* sqe() {
    io_uring_sqe* entry = io_uring_get_sqe(&ring_);
    if (!entry) {  // the submission queue is full: hand it to the kernel first
      io_uring_submit(&ring_);
      entry = io_uring_get_sqe(&ring_);
    }
    return entry;
  }
  std::uint64_t tag(std::size_t s) const { return (std::uint64_t{s} << 32) | slots_[s].generation; }

  void submit_send(std::size_t s) {
    Slot& slot = slots_[s];
    io_uring_sqe* e = sqe();
    io_uring_prep_send(e, slot.fd.get(), slot.request.data() + slot.sent,
                       slot.request.size() - slot.sent, MSG_NOSIGNAL);
    io_uring_sqe_set_data64(e, tag(s));
    slot.state = Slot::State::sending;
  }
  void submit_recv(std::size_t s) {
    Slot& slot = slots_[s];
    io_uring_sqe* e = sqe();
    io_uring_prep_recv(e, slot.fd.get(), slot.buffer.data(), slot.buffer.size(), 0);
    io_uring_sqe_set_data64(e, tag(s));
    slot.state = Slot::State::receiving;
  }

  void start_next(std::size_t s) {
    if (slots_.take_next(s)) begin(s);
  }

  void begin(std::size_t s) {
    Slot& slot = slots_[s];
    slot.restart(job_);
    if (slot.reused) return submit_send(s);
    slot.fd = tcp_socket(0);  // blocking is fine: io_uring does the waiting
    if (!slot.fd) return finish(s, {"", fmt::format("socket: {}", std::strerror(errno))}, false);
    io_uring_sqe* e = sqe();
    io_uring_prep_connect(e, slot.fd.get(), reinterpret_cast<const sockaddr*>(&job_.target.address),
                          sizeof job_.target.address);
    io_uring_sqe_set_data64(e, tag(s));
    slot.state = Slot::State::connecting;
  }

  void complete(std::uint64_t data, int res) {
    if (data == kIgnored) return;
    const auto s = static_cast<std::size_t>(data >> 32);
    if (s >= slots_.size()) return;
    Slot& slot = slots_[s];
    if (static_cast<std::uint32_t>(data) != slot.generation || slot.state == Slot::State::idle)
      return;
    switch (slot.state) {
      case Slot::State::connecting:
        if (res < 0) return finish(s, {"", fmt::format("connect: {}", std::strerror(-res))}, false);
        return submit_send(s);
      case Slot::State::sending:
        if (res < 0) return retry_or_fail(s, fmt::format("send: {}", std::strerror(-res)));
        slot.sent += static_cast<std::size_t>(res);
        return slot.sent < slot.request.size() ? submit_send(s) : submit_recv(s);
      case Slot::State::receiving:
        if (res < 0) return retry_or_fail(s, fmt::format("recv: {}", std::strerror(-res)));
        if (res == 0) {
          if (!slot.received) return retry_or_fail(s, "connection closed before any response");
          slot.parser->end_of_stream();
        } else {
          slot.received = true;
          if (slot.parser->feed({slot.buffer.data(), static_cast<std::size_t>(res)}) ==
              ResponseParser::State::incomplete) {
            return submit_recv(s);
          }
        }
        break;
      case Slot::State::idle:
        return;
    }
    finish(s, page_result(*slot.parser), slot.keeps_connection(job_));
  }

  void retry_or_fail(std::size_t s, std::string why) {
    if (slots_[s].take_retry()) {
      ++slots_[s].generation;
      return begin(s);
    }
    finish(s, {"", std::move(why)}, false);
  }

  void finish(std::size_t s, PageResult result, bool keep_connection) {
    slots_.complete(s, std::move(result), keep_connection);
    ++slots_[s].generation;  // whatever still completes for the old page is ignored
    start_next(s);
  }

  void expire() {
    for (std::size_t s : slots_.overdue(Clock::now())) {
      io_uring_sqe* e = sqe();
      io_uring_prep_cancel64(e, tag(s), 0);
      io_uring_sqe_set_data64(e, kIgnored);
      finish(s, {"", "timed out"}, false);
    }
  }

  const FetchJob& job_;
  io_uring ring_{};
  PageSlots<Slot> slots_;
};

// The kernel may lack io_uring or refuse it (kernel.io_uring_disabled, seccomp in
// containers): the backend's status says which, once per process.
BackendStatus probe_io_uring() {
  BackendStatus status{.details = {{"liburing_version", IDIOMBENCH_LIBURING_VERSION}}};
  std::ifstream sysctl("/proc/sys/kernel/io_uring_disabled");
  if (int disabled = 0; sysctl >> disabled) {
    status.details.emplace_back("io_uring_disabled", std::to_string(disabled));
  }
  io_uring probe{};
  if (int e = io_uring_queue_init(2, &probe, 0); e < 0) {
    status.reason = fmt::format("io_uring refused by the kernel: {}", std::strerror(-e));
    return status;
  }
  io_uring_queue_exit(&probe);
  status.available = true;
  return status;
}

std::string why_unavailable() {
  static const std::string why = probe_io_uring().reason;
  return why;
}

[[maybe_unused]] const auto declared =
    declare_backend({.name = "io_uring", .probe = probe_io_uring});

}  // namespace

Titles fetch_io_uring(const FetchJob& job) {
  Titles titles(job.paths.size());
  if (!job.paths.empty()) Ring(job, titles).run();
  return titles;
}

namespace {
[[maybe_unused]] const auto registered =
    register_fetcher("io_uring", "async", fetch_io_uring, why_unavailable);
}
#else
Titles fetch_io_uring(const FetchJob&) {
  throw std::runtime_error("built without liburing");
}

namespace {
[[maybe_unused]] const auto registered = register_fetcher(
    "io_uring", "async", fetch_io_uring, [] { return std::string("built without liburing"); });
[[maybe_unused]] const auto declared =
    declare_backend({.name = "io_uring",
                     .probe = [] { return BackendStatus{.reason = "built without liburing"}; }});
}  // namespace
#endif

}  // namespace idiombench::io::fetch_titles
