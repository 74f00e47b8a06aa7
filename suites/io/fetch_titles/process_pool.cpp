// fetch_titles/process_pool: `concurrency` pre-forked worker processes, each fetching
// with its own blocking, kept-alive connection. The parent hands out one page at a time
// over a socketpair per worker and gets the title (or error) back serialised. The pool
// is kept for the process per (target, size); a worker that dies fails its page and the
// pool is rebuilt on the next call.
#include <poll.h>

#include <cerrno>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <tuple>

#include "fetch_titles/case.hpp"
#include "http/blocking_connection.hpp"
#include "idiombench/support/unique_fd.hpp"
#include "idiombench/support/worker_processes.hpp"

namespace idiombench::io::fetch_titles {
namespace {

using support::read_full;
using support::write_full;

constexpr std::uint32_t kEndOfJob = ~std::uint32_t{0};  // path_length: close your connection

struct Request {
  std::uint32_t path_length;
  std::uint32_t keep_alive;
  std::int64_t timeout_ms;
};

void write_string(int fd, const std::string& s) {
  const auto length = static_cast<std::uint32_t>(s.size());
  write_full(fd, &length, sizeof length);
  write_full(fd, s.data(), s.size());
}

bool read_string(int fd, std::string& s) {
  std::uint32_t length;
  if (!read_full(fd, &length, sizeof length)) return false;
  s.resize(length);
  return read_full(fd, s.data(), length);
}

int serve(int channel, const Target& target) {
  BlockingConnection connection(target);
  Request request;
  std::string path;
  while (read_full(channel, &request, sizeof request)) {
    if (request.path_length == kEndOfJob) {
      connection.close();  // a job's connections do not outlive it
      continue;
    }
    path.resize(request.path_length);
    read_full(channel, path.data(), path.size());
    PageResult result =
        connection.fetch(path, request.keep_alive != 0,
                         Clock::now() + std::chrono::milliseconds(request.timeout_ms));
    write_string(channel, result.title);
    write_string(channel, result.error);
  }
  return 0;
}

class FetchPool {
 public:
  FetchPool(const Target& target, int workers)
      : workers_(workers, [&target](int channel) { return serve(channel, target); }) {}
  bool broken() const { return broken_; }

  Titles fetch(const FetchJob& job) {
    Titles titles(job.paths.size());
    std::vector<std::size_t> page_of(workers_.size(), SIZE_MAX);
    std::size_t next = 0, busy = 0;
    auto hand_out = [&](std::size_t w) {
      if (next >= job.paths.size() || !workers_.alive(w)) return;
      const std::string& path = job.paths[next];
      Request request{static_cast<std::uint32_t>(path.size()), job.keep_alive ? 1u : 0u,
                      job.timeout.count()};
      try {
        write_full(workers_.channel(w), &request, sizeof request);
        write_full(workers_.channel(w), path.data(), path.size());
      } catch (const std::system_error&) {
        return;  // the worker is gone; poll reports it
      }
      page_of[w] = next++;
      ++busy;
    };
    for (std::size_t w = 0; w < workers_.size(); ++w) hand_out(w);
    std::vector<pollfd> fds(workers_.size());
    while (busy > 0) {
      for (std::size_t w = 0; w < workers_.size(); ++w) {
        fds[w] = {page_of[w] != SIZE_MAX ? workers_.channel(w) : -1, POLLIN, 0};
      }
      if (::poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR) continue;
        throw std::system_error(errno, std::generic_category(), "poll");
      }
      for (std::size_t w = 0; w < workers_.size(); ++w) {
        if (page_of[w] == SIZE_MAX || fds[w].revents == 0) continue;
        PageResult& result = titles[page_of[w]];
        bool got = false;
        try {
          got = read_string(workers_.channel(w), result.title) &&
                read_string(workers_.channel(w), result.error);
        } catch (const std::system_error&) {
        }
        if (!got) {
          result = {"", "worker process died: " + workers_.bury(w)};
          broken_ = true;
        }
        page_of[w] = SIZE_MAX;
        --busy;
        hand_out(w);
      }
      if (busy == 0 && next < job.paths.size()) {
        for (; next < job.paths.size(); ++next) titles[next] = {"", "no worker process left"};
      }
    }
    const Request end{kEndOfJob, 0, 0};
    for (std::size_t w = 0; w < workers_.size(); ++w) {
      try {
        if (workers_.alive(w)) write_full(workers_.channel(w), &end, sizeof end);
      } catch (const std::system_error&) {
      }
    }
    return titles;
  }

 private:
  support::WorkerProcesses workers_;  // destroyed with the pool: closed and reaped
  bool broken_ = false;
};

}  // namespace

Titles fetch_process_pool(const FetchJob& job) {
  static std::mutex mutex;
  static std::map<std::tuple<std::string, std::uint16_t, std::string, int>,
                  std::unique_ptr<FetchPool>>
      pools;
  static std::map<std::tuple<std::string, std::uint16_t, std::string, int>, Target> targets;
  std::lock_guard lock(mutex);
  const auto workers =
      static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(std::max(1, job.concurrency)),
                                             std::max<std::size_t>(1, job.paths.size())));
  const auto key = std::make_tuple(job.target.host, job.target.port, job.target.prefix, workers);
  auto& pool = pools[key];
  if (!pool || pool->broken()) {
    pool.reset();
    targets[key] = job.target;  // the workers keep a reference to it
    pool = std::make_unique<FetchPool>(targets[key], workers);
  }
  return pool->fetch(job);
}

namespace {
[[maybe_unused]] const auto registered =
    register_fetcher("process_pool", "processes", fetch_process_pool);
}

}  // namespace idiombench::io::fetch_titles
