#include "cpu_map/shm_process_pool.hpp"

#include <algorithm>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>
#include <system_error>

#include "idiombench/support/child_process.hpp"

namespace idiombench::concurrency::cpu_map {
namespace {

using Control = SharedMemoryProcessPool::Control;

void fail(Control& control, const char* message) {
  if (control.failed.exchange(1) == 0) {
    std::strncpy(control.error, message, sizeof control.error - 1);
  }
}

int serve(int channel, Control& control, const Task* tasks, std::uint64_t* results,
          TaskFunction function) {
  char go;
  while (support::read_full(channel, &go, 1)) {
    const std::uint64_t count = control.count, chunk = control.chunk;
    for (;;) {
      if (control.failed.load(std::memory_order_relaxed)) break;
      const std::uint64_t begin = control.next.fetch_add(chunk, std::memory_order_relaxed);
      if (begin >= count) break;
      try {
        for (std::uint64_t i = begin; i < std::min(count, begin + chunk); ++i) {
          results[i] = function(tasks[i]);
        }
      } catch (const std::exception& e) {
        fail(control, e.what());
      } catch (...) {
        fail(control, "unknown exception");
      }
    }
    const char done = 1;
    support::write_full(channel, &done, 1);
  }
  return 0;
}

}  // namespace

SharedMemoryProcessPool::SharedMemoryProcessPool(int workers, TaskFunction function,
                                                 std::size_t capacity)
    : capacity_(std::max<std::size_t>(1, capacity)),
      region_("idiombench-cpu-map",
              sizeof(Control) + capacity_ * (sizeof(Task) + sizeof(std::uint64_t))),
      control_(support::construct_at_offset<Control>(region_, 0)),
      tasks_(reinterpret_cast<Task*>(static_cast<char*>(region_.data()) + sizeof(Control))),
      results_(reinterpret_cast<std::uint64_t*>(tasks_ + capacity_)),
      workers_(workers,
               [control = control_, tasks = tasks_, results = results_, function](int channel) {
                 return serve(channel, *control, tasks, results, function);
               }) {}

void SharedMemoryProcessPool::worker_died(std::size_t worker) {
  broken_ = true;
  const std::string how = workers_.bury(worker);
  throw std::runtime_error("worker process died" + (how.empty() ? std::string() : ": " + how));
}

void SharedMemoryProcessPool::round(std::span<const Task> tasks, std::uint64_t* results) {
  std::copy(tasks.begin(), tasks.end(), tasks_);
  control_->count = tasks.size();
  control_->chunk = std::max<std::size_t>(1, tasks.size() / (8 * workers_.size()));
  control_->failed.store(0, std::memory_order_relaxed);
  control_->next.store(0, std::memory_order_release);
  const char go = 1;
  for (std::size_t w = 0; w < workers_.size(); ++w) {
    try {
      support::write_full(workers_.channel(w), &go, 1);
    } catch (const std::system_error&) {
      worker_died(w);
    }
  }
  for (std::size_t w = 0; w < workers_.size(); ++w) {
    char done;
    bool got = false;
    try {
      got = support::read_full(workers_.channel(w), &done, 1);
    } catch (const std::system_error&) {
    }
    if (!got) worker_died(w);
  }
  if (control_->failed.load(std::memory_order_acquire)) {
    throw std::runtime_error(std::string("a task failed in a worker process: ") + control_->error);
  }
  std::copy(results_, results_ + tasks.size(), results);
}

Results SharedMemoryProcessPool::map(std::span<const Task> tasks) {
  if (broken_) throw std::runtime_error("the process pool is broken: a worker died earlier");
  Results results(tasks.size());
  for (std::size_t first = 0; first < tasks.size(); first += capacity_) {
    const std::size_t count = std::min(capacity_, tasks.size() - first);
    round(tasks.subspan(first, count), results.data() + first);
  }
  return results;
}

}  // namespace idiombench::concurrency::cpu_map
