// fetch_titles with blocking sockets:
//  sequential_blocking  one connection, one page after another (the baseline);
//  thread_per_request   a std::jthread and a fresh connection per page, at most
//                       `concurrency` at a time (the oldest joined before the next starts);
//  thread_pool          a pool of `concurrency` threads kept for the process (the
//                       support library's ThreadPool), each with its own kept-alive
//                       connection, taking the next page index from one atomic counter.
#include <atomic>
#include <deque>
#include <thread>

#include "fetch_titles/case.hpp"
#include "http/blocking_connection.hpp"
#include "idiombench/support/thread_pool.hpp"

namespace idiombench::io::fetch_titles {

Titles fetch_sequential_blocking(const FetchJob& job) {
  Titles titles;
  titles.reserve(job.paths.size());
  BlockingConnection connection(job.target);
  for (const auto& path : job.paths) {
    titles.push_back(connection.fetch(path, job.keep_alive, Clock::now() + job.timeout));
  }
  return titles;
}

Titles fetch_thread_per_request(const FetchJob& job) {
  Titles titles(job.paths.size());
  std::deque<std::jthread> window;
  for (std::size_t i = 0; i < job.paths.size(); ++i) {
    if (window.size() == static_cast<std::size_t>(std::max(1, job.concurrency))) window.pop_front();
    window.emplace_back([&, i] {
      BlockingConnection connection(job.target);
      titles[i] = connection.fetch(job.paths[i], job.keep_alive, Clock::now() + job.timeout);
    });
  }
  window.clear();  // joins the rest before `titles` is returned
  return titles;
}

Titles fetch_thread_pool(const FetchJob& job) {
  Titles titles(job.paths.size());
  std::atomic<std::size_t> next{0};
  // Its workers block on sockets: they park at once when done rather than spin.
  support::shared_thread_pool(std::max(1, job.concurrency), support::Idle::sleep)
      .on_every_worker([&](int) {
        BlockingConnection connection(job.target);
        for (std::size_t i; (i = next.fetch_add(1)) < job.paths.size();) {
          titles[i] = connection.fetch(job.paths[i], job.keep_alive, Clock::now() + job.timeout);
        }
      });
  return titles;
}

namespace {
[[maybe_unused]] const auto registered = {
    register_fetcher("sequential_blocking", "serial", fetch_sequential_blocking),
    register_fetcher("thread_per_request", "threads", fetch_thread_per_request),
    register_fetcher("thread_pool", "threads", fetch_thread_pool),
};
}

}  // namespace idiombench::io::fetch_titles
