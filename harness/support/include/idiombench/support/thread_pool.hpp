// The project's own fixed thread pool, written the way an expert would for a parallel
// map: a pool of N workers is the calling thread plus N-1 threads started once (the
// caller works instead of waiting, as in OpenMP and TBB). Between batches a worker
// spins for a while (spin_wait.hpp: 50 us, the project's one spin policy) before it parks
// on a condition variable, so batches that
// follow each other do not each pay a sleeping thread's wake-up (tens of microseconds,
// more on a VM). A batch's workers claim chunks of indices from one atomic counter (no
// queue of task objects, no allocation per task), and the first exception cancels the
// rest of the batch and is rethrown to the caller. A pool for blocking I/O parks at once
// instead (Idle::sleep): its workers wait on sockets, and spinning ones would take the
// cores the others need.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace idiombench::support {

// What a worker does when it has nothing to run.
enum class Idle {
  spin_then_sleep,  // CPU-bound batches that follow each other closely
  sleep,            // blocking I/O: park on the condition variable at once
};

class ThreadPool {
 public:
  explicit ThreadPool(int workers, Idle idle = Idle::spin_then_sleep);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int workers() const { return static_cast<int>(threads_.size()) + 1; }

  // Calls task(i) for every i in [0, count) on the pool's threads, `chunk` indices per
  // claim (0: count / (8 * workers), at least 1); returns when all have run.
  void for_each_index(std::size_t count, const std::function<void(std::size_t)>& task,
                      std::size_t chunk = 0);

  // Calls task(w) exactly once for each worker w in [0, workers), all at the same time
  // (worker 0 is the calling thread).
  void on_every_worker(const std::function<void(int)>& task);

 private:
  void run_batch(const std::function<void(int)>& body);
  void work(int index);

  Idle idle_;
  std::vector<std::jthread> threads_;
  std::mutex batch_mutex_;  // one batch at a time, whoever calls
  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  const std::function<void(int)>* body_ = nullptr;  // the current batch, under mutex_
  std::atomic<std::size_t> generation_{0};  // written under mutex_, read by spinning workers
  int running_ = 0;
  std::exception_ptr error_;
  bool stopping_ = false;
};

// A pool per worker count, created on first use and kept for the process: what a
// program holds on to (the verification run creates it, the timed runs reuse it).
ThreadPool& shared_thread_pool(int workers, Idle idle = Idle::spin_then_sleep);

}  // namespace idiombench::support
