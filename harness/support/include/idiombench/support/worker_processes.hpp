// N pre-forked worker processes, each talking to the parent over a socketpair of its
// own: what every process pool here (cpu_map's two, io's fetch pool) is built on.
// Destroying it closes the channels (a worker exits on end of file) and reaps them all.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "idiombench/support/unique_fd.hpp"

namespace idiombench::support {

class WorkerProcesses {
 public:
  // `serve(channel)` runs in each worker (see fork_child); its result is the exit status.
  WorkerProcesses(int count, const std::function<int(int channel)>& serve);
  ~WorkerProcesses();
  WorkerProcesses(const WorkerProcesses&) = delete;
  WorkerProcesses& operator=(const WorkerProcesses&) = delete;

  std::size_t size() const { return workers_.size(); }
  int channel(std::size_t i) const { return workers_[i].channel.get(); }
  bool alive(std::size_t i) const { return workers_[i].pid > 0; }
  std::vector<pid_t> pids() const;  // of the workers not buried

  // Closes worker i's channel, kills it if it still runs, reaps it; says how it ended
  // ("" for a clean exit).
  std::string bury(std::size_t i);

 private:
  struct Worker {
    pid_t pid;
    UniqueFd channel;
  };
  std::vector<Worker> workers_;
};

}  // namespace idiombench::support
