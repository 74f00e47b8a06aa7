#include "idiombench/support/worker_processes.hpp"

#include <signal.h>

#include <algorithm>

#include "idiombench/support/child_process.hpp"

namespace idiombench::support {

WorkerProcesses::WorkerProcesses(int count, const std::function<int(int)>& serve) {
  for (int i = 0; i < std::max(1, count); ++i) {
    auto [mine, theirs] = make_socketpair();
    const int fd = theirs.get();
    const pid_t pid = fork_child({fd}, [fd, &serve] { return serve(fd); });
    workers_.push_back({pid, std::move(mine)});
  }
}

WorkerProcesses::~WorkerProcesses() {
  for (auto& w : workers_) w.channel.reset();
  for (auto& w : workers_) {
    if (w.pid > 0) wait_child(w.pid);
  }
}

std::vector<pid_t> WorkerProcesses::pids() const {
  std::vector<pid_t> pids;
  for (const auto& w : workers_) {
    if (w.pid > 0) pids.push_back(w.pid);
  }
  return pids;
}

std::string WorkerProcesses::bury(std::size_t i) {
  Worker& w = workers_[i];
  if (w.pid <= 0) return "";
  w.channel.reset();
  ::kill(w.pid, SIGKILL);  // if it is only wedged, make sure it is gone
  std::string how = wait_child(w.pid);
  w.pid = -1;
  return how;
}

}  // namespace idiombench::support
