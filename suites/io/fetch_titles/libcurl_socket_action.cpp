// fetch_titles/libcurl_socket_action: libcurl's multi interface the way its documentation
// recommends for many transfers: the application owns the event loop (epoll here) and
// tells libcurl which socket is ready with curl_multi_socket_action; libcurl says which
// sockets to watch (CURLMOPT_SOCKETFUNCTION) and when its next timeout is due
// (CURLMOPT_TIMERFUNCTION), so no call walks every transfer (curl_pages.hpp has the
// handles and pages).
#include <sys/epoll.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "fetch_titles/curl_pages.hpp"
#include "http/blocking_connection.hpp"
#include "idiombench/support/unique_fd.hpp"

namespace idiombench::io::fetch_titles {
namespace {

class SocketLoop {
 public:
  explicit SocketLoop(CURLM* multi) : multi_(multi) {
    if (!epoll_) throw std::runtime_error(std::string("epoll_create1: ") + std::strerror(errno));
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, on_socket);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, on_timer);
    curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
  }

  // Waits for a ready socket or libcurl's timeout and lets libcurl act on it.
  void step() {
    const int n =
        ::epoll_wait(epoll_.get(), events_.data(), static_cast<int>(events_.size()), wait_ms());
    int running = 0;
    for (int i = 0; i < n; ++i) {
      // A copy: libcurl's callbacks may grow events_ while it acts.
      const epoll_event e = events_[static_cast<std::size_t>(i)];
      int mask = 0;
      if (e.events & EPOLLIN) mask |= CURL_CSELECT_IN;
      if (e.events & EPOLLOUT) mask |= CURL_CSELECT_OUT;
      if (e.events & (EPOLLERR | EPOLLHUP)) mask |= CURL_CSELECT_ERR;
      curl_multi_socket_action(multi_, e.data.fd, mask, &running);
    }
    // Busy sockets must not starve libcurl's timeouts (a page past its CURLOPT_TIMEOUT).
    if (Clock::now() >= due_) curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
  }

 private:
  static int on_socket(CURL*, curl_socket_t socket, int what, void* self, void* known) {
    auto& loop = *static_cast<SocketLoop*>(self);
    if (what == CURL_POLL_REMOVE) {
      ::epoll_ctl(loop.epoll_.get(), EPOLL_CTL_DEL, socket, nullptr);
      curl_multi_assign(loop.multi_, socket, nullptr);
      return 0;
    }
    epoll_event e{};
    e.events = (what & CURL_POLL_IN ? EPOLLIN : 0u) | (what & CURL_POLL_OUT ? EPOLLOUT : 0u);
    e.data.fd = socket;
    ::epoll_ctl(loop.epoll_.get(), known ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, socket, &e);
    if (!known) {
      curl_multi_assign(loop.multi_, socket, &loop);  // any non-null: "already watched"
      if (loop.events_.size() < 4096) loop.events_.emplace_back();
    }
    return 0;
  }
  // -1: no timeout pending; 0: act at once (epoll_wait then only polls).
  static int on_timer(CURLM*, long timeout_ms, void* self) {
    static_cast<SocketLoop*>(self)->due_ =
        timeout_ms < 0 ? Clock::time_point::max()
                       : Clock::now() + std::chrono::milliseconds(timeout_ms);
    return 0;
  }
  int wait_ms() const {
    if (due_ == Clock::time_point::max()) return -1;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(due_ - Clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, 1000));
  }

  CURLM* multi_;
  support::UniqueFd epoll_{::epoll_create1(EPOLL_CLOEXEC)};
  std::vector<epoll_event> events_ = std::vector<epoll_event>(16);
  Clock::time_point due_ = Clock::time_point::min();
};

}  // namespace

Titles fetch_libcurl_socket_action(const FetchJob& job) {
  Titles titles(job.paths.size());
  if (job.paths.empty()) return titles;
  CurlPages pages(job, titles);
  SocketLoop loop(pages.multi());
  pages.start();
  while (pages.busy()) {
    loop.step();
    pages.collect_finished();
  }
  return titles;
}

namespace {
[[maybe_unused]] const auto registered =
    register_fetcher("libcurl_socket_action", "async", fetch_libcurl_socket_action);
}

}  // namespace idiombench::io::fetch_titles
