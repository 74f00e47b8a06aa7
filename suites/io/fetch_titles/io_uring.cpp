// fetch_titles/io_uring: the same one-thread state machine as epoll_loop, but completion-
// based, written the way io_uring is meant to be used: a page's connect, send and recv are
// submitted together as one linked chain (a kept connection's send and recv as two), and
// one io_uring_enter both submits everything new and waits for the next completions. The
// ring is set up once per thread for a single issuer that reaps its own completions
// (SINGLE_ISSUER | DEFER_TASKRUN where the kernel has them) and kept, with its receive
// buffers, from call to call. A page past its deadline has its operations cancelled (by
// file descriptor) and its socket closed; stale completions are recognised by a generation
// number in their user_data, and a call returns only once nothing of it is in flight.
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
#include <memory>
#include <optional>
#include <stdexcept>

#include "fetch_titles/page_slot.hpp"
#include "http/blocking_connection.hpp"
#endif

namespace idiombench::io::fetch_titles {

#ifdef IDIOMBENCH_HAVE_IO_URING
namespace {

constexpr std::size_t kBufferBytes = 65536;

// The setup flags, best first: a kernel older than 6.1 refuses the first set with EINVAL.
constexpr unsigned kSetupFlags[] = {IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN,
                                    IORING_SETUP_COOP_TASKRUN, 0};

// This thread's ring and receive buffers, kept between calls. A ring is only reused
// once every operation submitted on it has completed (Ring::run drains it).
class ThreadRing {
 public:
  ThreadRing(const ThreadRing&) = delete;
  ThreadRing& operator=(const ThreadRing&) = delete;
  ~ThreadRing() { close(); }

  static ThreadRing& get() {
    thread_local ThreadRing ring;
    return ring;
  }

  // A ring of at least `entries` submission entries.
  io_uring& ring(unsigned entries) {
    if (open_ && entries_ >= entries) return ring_;
    close();
    int e = -EINVAL;
    for (unsigned flags : kSetupFlags) {
      io_uring_params params{};
      params.flags = flags;
      e = io_uring_queue_init_params(entries, &ring_, &params);
      if (e != -EINVAL) break;
    }
    if (e < 0) throw std::runtime_error(fmt::format("io_uring_queue_init: {}", std::strerror(-e)));
    open_ = true;
    entries_ = entries;
    return ring_;
  }
  // A ring that could not be drained is not reused.
  void close() {
    if (open_) io_uring_queue_exit(&ring_);
    open_ = false;
  }
  // Receive buffer s (allocated once, never cleared: recv writes before anything reads).
  char* buffer(std::size_t s) {
    while (buffers_.size() <= s)
      buffers_.push_back(std::make_unique_for_overwrite<char[]>(kBufferBytes));
    return buffers_[s].get();
  }

 private:
  ThreadRing() = default;
  io_uring ring_{};
  bool open_ = false;
  unsigned entries_ = 0;
  std::vector<std::unique_ptr<char[]>> buffers_;
};

// What a completion is for: user_data = generation | slot << 32 | operation << 56.
enum class Operation : std::uint64_t { connect = 1, send = 2, recv = 3, cancel = 4 };

struct Slot : PageSlot {
  std::uint32_t generation = 0;  // of the page: completions for an older one are stale
  char* buffer = nullptr;
};

class Ring {
 public:
  Ring(const FetchJob& job, Titles& titles)
      : job_(job), slots_(job, titles), thread_(ThreadRing::get()) {
    // Three linked operations per slot, a cancel each, and room to spare.
    ring_ = &thread_.ring(
        static_cast<unsigned>(std::clamp<std::size_t>(4 * slots_.size() + 8, 16, 4096)));
    for (std::size_t s = 0; s < slots_.size(); ++s) slots_[s].buffer = thread_.buffer(s);
  }

  void run() {
    for (std::size_t s = 0; s < slots_.size(); ++s) start_next(s);
    while (slots_.busy()) {
      wait(time_to_first_deadline());
      expire();
    }
    drain();
  }

 private:
  // One system call: submits what is queued and waits for a completion or the timeout.
  void wait(__kernel_timespec timeout) {
    io_uring_cqe* cqe = nullptr;
    int e = io_uring_submit_and_wait_timeout(ring_, &cqe, 1, &timeout, nullptr);
    if (e < 0 && e != -ETIME && e != -EINTR) {
      throw std::runtime_error(fmt::format("io_uring_submit_and_wait: {}", std::strerror(-e)));
    }
    unsigned head, seen = 0;
    io_uring_for_each_cqe(ring_, head, cqe) {
      ++seen;
      // (A kernel without IORING_FEAT_EXT_ARG gets liburing's own timeout entry.)
      if (cqe->user_data == LIBURING_UDATA_TIMEOUT) continue;
      --in_flight_;
      complete(cqe->user_data, cqe->res);
    }
    io_uring_cq_advance(ring_, seen);
  }

  // Waits (a second at most) for what cancelled pages left in flight; a ring that
  // does not drain is closed rather than handed to the next call.
  void drain() {
    const auto give_up = Clock::now() + std::chrono::seconds(1);
    while (in_flight_ > 0 && Clock::now() < give_up) wait({0, 10'000'000});
    if (in_flight_ > 0) thread_.close();
  }

  __kernel_timespec time_to_first_deadline() const {
    // At most a second: the loop also wakes to notice nothing is left to do.
    const auto first = std::min(slots_.first_deadline(), Clock::now() + std::chrono::seconds(1));
    auto ns = std::max<long long>(
        0, std::chrono::duration_cast<std::chrono::nanoseconds>(first - Clock::now()).count());
    return {ns / 1000000000, ns % 1000000000};
  }

  io_uring_sqe* sqe() {
    io_uring_sqe* entry = io_uring_get_sqe(ring_);
    if (!entry) {  // the submission queue is full: hand it to the kernel first
      io_uring_submit(ring_);
      entry = io_uring_get_sqe(ring_);
    }
    ++in_flight_;
    return entry;
  }
  std::uint64_t tag(std::size_t s, Operation op) const {
    return static_cast<std::uint64_t>(op) << 56 | std::uint64_t{s} << 32 | slots_[s].generation;
  }

  // send, then (linked: only once the whole request is sent) the first recv.
  void submit_exchange(std::size_t s) {
    Slot& slot = slots_[s];
    io_uring_sqe* send = sqe();
    // MSG_WAITALL: the kernel completes the send only when all of it went out (or it
    // failed), so the linked recv never starts behind a half-sent request.
    io_uring_prep_send(send, slot.fd.get(), slot.request.data(), slot.request.size(),
                       MSG_NOSIGNAL | MSG_WAITALL);
    io_uring_sqe_set_data64(send, tag(s, Operation::send));
    send->flags |= IOSQE_IO_LINK;
    submit_recv(s);
    slot.state = Slot::State::sending;
  }
  void submit_recv(std::size_t s) {
    Slot& slot = slots_[s];
    io_uring_sqe* recv = sqe();
    io_uring_prep_recv(recv, slot.fd.get(), slot.buffer, kBufferBytes, 0);
    io_uring_sqe_set_data64(recv, tag(s, Operation::recv));
  }

  void start_next(std::size_t s) {
    if (slots_.take_next(s)) begin(s);
  }

  void begin(std::size_t s) {
    Slot& slot = slots_[s];
    slot.restart(job_);
    if (slot.reused) return submit_exchange(s);
    slot.fd = tcp_socket(0);  // blocking is fine: io_uring does the waiting
    if (!slot.fd) return finish(s, {"", fmt::format("socket: {}", std::strerror(errno))}, false);
    io_uring_sqe* connect = sqe();
    io_uring_prep_connect(connect, slot.fd.get(),
                          reinterpret_cast<const sockaddr*>(&job_.target.address),
                          sizeof job_.target.address);
    io_uring_sqe_set_data64(connect, tag(s, Operation::connect));
    connect->flags |= IOSQE_IO_LINK;
    submit_exchange(s);
    slot.state = Slot::State::connecting;
  }

  void complete(std::uint64_t data, int res) {
    const auto op = static_cast<Operation>(data >> 56);
    const auto s = static_cast<std::size_t>((data >> 32) & 0xffffff);
    if (op == Operation::cancel || s >= slots_.size()) return;
    Slot& slot = slots_[s];
    if (static_cast<std::uint32_t>(data) != slot.generation || slot.state == Slot::State::idle)
      return;
    switch (op) {
      case Operation::connect:
        if (res < 0) return finish(s, {"", fmt::format("connect: {}", std::strerror(-res))}, false);
        slot.state = Slot::State::sending;
        return;
      case Operation::send:
        if (res < 0) return retry_or_fail(s, fmt::format("send: {}", std::strerror(-res)));
        if (static_cast<std::size_t>(res) != slot.request.size())
          return retry_or_fail(s, "send: the request went out in part");
        slot.sent = slot.request.size();
        slot.state = Slot::State::receiving;
        return;
      case Operation::recv:
        if (res < 0) return retry_or_fail(s, fmt::format("recv: {}", std::strerror(-res)));
        if (res == 0) {
          if (!slot.received) return retry_or_fail(s, "connection closed before any response");
          slot.parser->end_of_stream();
        } else {
          slot.received = true;
          if (slot.parser->feed({slot.buffer, static_cast<std::size_t>(res)}) ==
              ResponseParser::State::incomplete) {
            return submit_recv(s);
          }
        }
        return finish(s, page_result(*slot.parser), slot.keeps_connection(job_));
      case Operation::cancel:
        return;
    }
  }

  void retry_or_fail(std::size_t s, std::string why) {
    // Whatever is still linked behind the failed operation is cancelled by the kernel
    // and its completion, of this generation, ignored.
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
      io_uring_sqe* cancel = sqe();
      io_uring_prep_cancel_fd(cancel, slots_[s].fd.get(), IORING_ASYNC_CANCEL_ALL);
      io_uring_sqe_set_data64(cancel, tag(s, Operation::cancel));
      // The cancel finds the operations by the socket's file: submitted before it closes.
      io_uring_submit(ring_);
      finish(s, {"", "timed out"}, false);
    }
  }

  const FetchJob& job_;
  PageSlots<Slot> slots_;
  ThreadRing& thread_;
  io_uring* ring_ = nullptr;
  std::size_t in_flight_ = 0;  // operations submitted whose completion has not been seen
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
