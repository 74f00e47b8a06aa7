#include "cpu_map/pipe_process_pool.hpp"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <exception>
#include <stdexcept>
#include <string>
#include <system_error>

#include "idiombench/support/child_process.hpp"

namespace idiombench::concurrency::cpu_map {
namespace {

struct ChunkHeader {
  std::uint64_t first, count;
};
struct ReplyHeader {
  std::uint64_t first, count, error_length;  // error_length > 0: a message, no results
};

int serve(int channel, TaskFunction function) {
  std::vector<Task> tasks;
  std::vector<std::uint64_t> results;
  ChunkHeader chunk;
  while (support::read_full(channel, &chunk, sizeof chunk)) {
    tasks.resize(chunk.count);
    support::read_full(channel, tasks.data(), tasks.size() * sizeof(Task));
    results.resize(chunk.count);
    std::string error;
    try {
      std::transform(tasks.begin(), tasks.end(), results.begin(), function);
    } catch (const std::exception& e) {
      error = e.what();
    } catch (...) {
      error = "unknown exception";
    }
    ReplyHeader reply{chunk.first, chunk.count, error.size()};
    support::write_full(channel, &reply, sizeof reply);
    if (error.empty()) {
      support::write_full(channel, results.data(), results.size() * sizeof(std::uint64_t));
    } else {
      support::write_full(channel, error.data(), error.size());
    }
  }
  return 0;
}

}  // namespace

PipeProcessPool::PipeProcessPool(int workers, TaskFunction function)
    : workers_(workers, [function](int channel) { return serve(channel, function); }) {}

void PipeProcessPool::worker_died(std::size_t worker) {
  broken_ = true;
  const std::string how = workers_.bury(worker);
  throw std::runtime_error("worker process died" + (how.empty() ? std::string() : ": " + how));
}

Results PipeProcessPool::map(std::span<const Task> tasks) {
  if (broken_) throw std::runtime_error("the process pool is broken: a worker died earlier");
  Results results(tasks.size());
  const std::size_t n = tasks.size();
  const std::size_t chunk =
      std::max<std::size_t>(1, (n + 4 * workers_.size() - 1) / (4 * workers_.size()));
  std::size_t next = 0;
  std::string error;
  std::vector<bool> busy(workers_.size(), false);

  auto send_next = [&](std::size_t w) {
    if (next >= n || !error.empty()) return;
    ChunkHeader header{next, std::min(chunk, n - next)};
    try {
      support::write_full(workers_.channel(w), &header, sizeof header);
      support::write_full(workers_.channel(w), tasks.data() + header.first,
                          header.count * sizeof(Task));
    } catch (const std::system_error&) {
      worker_died(w);
    }
    next += header.count;
    busy[w] = true;
  };
  for (std::size_t w = 0; w < workers_.size(); ++w) send_next(w);

  std::vector<pollfd> fds(workers_.size());
  while (std::find(busy.begin(), busy.end(), true) != busy.end()) {
    for (std::size_t w = 0; w < workers_.size(); ++w) {
      fds[w] = {busy[w] ? workers_.channel(w) : -1, POLLIN, 0};
    }
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "poll");
    }
    for (std::size_t w = 0; w < workers_.size(); ++w) {
      if (!busy[w] || fds[w].revents == 0) continue;
      ReplyHeader reply;
      try {
        if (!support::read_full(workers_.channel(w), &reply, sizeof reply)) worker_died(w);
        if (reply.error_length > 0) {
          std::string message(reply.error_length, '\0');
          support::read_full(workers_.channel(w), message.data(), message.size());
          if (error.empty()) error = message;
        } else {
          support::read_full(workers_.channel(w), results.data() + reply.first,
                             reply.count * sizeof(std::uint64_t));
        }
      } catch (const std::system_error&) {
        worker_died(w);
      }
      busy[w] = false;
      send_next(w);
    }
  }
  if (!error.empty()) throw std::runtime_error("a task failed in a worker process: " + error);
  return results;
}

}  // namespace idiombench::concurrency::cpu_map
