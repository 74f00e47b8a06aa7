#include "idiombench/support/thread_pool.hpp"

#include "idiombench/support/spin_wait.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <utility>

namespace idiombench::support {

ThreadPool::ThreadPool(int workers, Idle idle) : idle_(idle) {
  threads_.reserve(static_cast<std::size_t>(std::max(1, workers) - 1));
  for (int i = 1; i < std::max(1, workers); ++i) threads_.emplace_back([this, i] { work(i); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  threads_.clear();  // joins
}

void ThreadPool::work(int index) {
  std::size_t seen = 0;
  for (;;) {
    // Spin first (CPU-bound pools): the next batch often comes within microseconds.
    for (SpinWait spin; idle_ == Idle::spin_then_sleep &&
                        generation_.load(std::memory_order_acquire) == seen && spin.spin();) {
    }
    const std::function<void(int)>* body;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_.load() != seen; });
      if (stopping_) return;
      seen = generation_.load();
      body = body_;
    }
    std::exception_ptr error;
    try {
      (*body)(index);
    } catch (...) {
      error = std::current_exception();
    }
    std::lock_guard lock(mutex_);
    if (error && !error_) error_ = error;
    if (--running_ == 0) finished_.notify_one();
  }
}

void ThreadPool::run_batch(const std::function<void(int)>& body) {
  std::lock_guard one_batch(batch_mutex_);
  {
    std::lock_guard lock(mutex_);
    body_ = &body;
    error_ = nullptr;
    running_ = static_cast<int>(threads_.size());
    generation_.fetch_add(1, std::memory_order_release);
  }
  if (!threads_.empty()) wake_.notify_all();
  std::exception_ptr mine;
  try {
    body(0);
  } catch (...) {
    mine = std::current_exception();
  }
  std::unique_lock lock(mutex_);
  finished_.wait(lock, [&] { return running_ == 0; });
  body_ = nullptr;
  auto error = std::exchange(error_, nullptr);
  if (mine) std::rethrow_exception(mine);
  if (error) std::rethrow_exception(error);
}

void ThreadPool::on_every_worker(const std::function<void(int)>& task) {
  run_batch(task);
}

void ThreadPool::for_each_index(std::size_t count, const std::function<void(std::size_t)>& task,
                                std::size_t chunk) {
  if (count == 0) return;
  if (chunk == 0) chunk = std::max<std::size_t>(1, count / (8 * (threads_.size() + 1)));
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  run_batch([&](int) {
    try {
      for (;;) {
        if (failed.load(std::memory_order_relaxed)) return;
        const std::size_t begin = next.fetch_add(chunk, std::memory_order_relaxed);
        if (begin >= count) return;
        for (std::size_t i = begin; i < std::min(count, begin + chunk); ++i) task(i);
      }
    } catch (...) {
      failed.store(true, std::memory_order_relaxed);
      throw;
    }
  });
}

ThreadPool& shared_thread_pool(int workers, Idle idle) {
  static std::mutex mutex;
  static std::map<std::pair<int, Idle>, std::unique_ptr<ThreadPool>> pools;
  std::lock_guard lock(mutex);
  auto& pool = pools[{workers, idle}];
  if (!pool) pool = std::make_unique<ThreadPool>(workers, idle);
  return *pool;
}

}  // namespace idiombench::support
