// cpu_map/process_per_task: fork a child for every task (Python's Process per job), at
// most `workers` alive at a time; each writes its 8-byte result to its own pipe and
// exits. A child that dies without a result fails the map with how it died.
#include <poll.h>
#include <sys/types.h>

#include <cerrno>
#include <stdexcept>
#include <string>
#include <system_error>

#include "cpu_map/case.hpp"
#include "cpu_map/variants.hpp"
#include "idiombench/support/child_process.hpp"
#include "idiombench/support/unique_fd.hpp"

namespace idiombench::concurrency::cpu_map {
namespace {

struct Running {
  std::size_t index;
  pid_t pid;
  support::UniqueFd result;
};

// Collects one finished child (blocks until one has written or closed its pipe).
void collect_one(std::vector<Running>& running, Results& out, std::string& error) {
  std::vector<pollfd> fds;
  for (const auto& r : running) fds.push_back({r.result.get(), POLLIN, 0});
  while (::poll(fds.data(), fds.size(), -1) < 0) {
    if (errno != EINTR) throw std::system_error(errno, std::generic_category(), "poll");
  }
  for (std::size_t k = 0; k < fds.size(); ++k) {
    if (fds[k].revents == 0) continue;
    Running r = std::move(running[k]);
    running.erase(running.begin() + static_cast<std::ptrdiff_t>(k));
    std::uint64_t value = 0;
    bool got = false;
    try {
      got = support::read_full(r.result.get(), &value, sizeof value);
    } catch (const std::system_error&) {
    }
    std::string how = support::wait_child(r.pid);
    if (got && how.empty()) {
      out[r.index] = value;
    } else if (error.empty()) {
      error = "task " + std::to_string(r.index) + ": its process " +
              (how.empty() ? "exited without a result" : how);
    }
    return;
  }
}

}  // namespace

Results map_process_per_task(std::span<const Task> tasks, TaskFunction f, int workers) {
  Results out(tasks.size());
  std::vector<Running> running;
  std::string error;
  for (std::size_t i = 0; i < tasks.size() && error.empty(); ++i) {
    if (running.size() == static_cast<std::size_t>(std::max(1, workers))) {
      collect_one(running, out, error);
    }
    auto [read_end, write_end] = support::make_pipe();
    const int fd = write_end.get();
    const Task task = tasks[i];
    pid_t pid = support::fork_child({fd}, [fd, task, f] {
      const std::uint64_t value = f(task);  // an exception exits with status 70
      support::write_full(fd, &value, sizeof value);
      return 0;
    });
    running.push_back({i, pid, std::move(read_end)});
  }
  while (!running.empty()) collect_one(running, out, error);
  if (!error.empty()) throw std::runtime_error(error);
  return out;
}

namespace {
[[maybe_unused]] const auto registered =
    register_mapper<map_process_per_task>("process_per_task", "processes");
}

}  // namespace idiombench::concurrency::cpu_map
