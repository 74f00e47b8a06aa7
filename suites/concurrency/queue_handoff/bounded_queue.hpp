// A bounded FIFO queue guarded by one mutex and two condition variables (not full,
// not empty): the queue most programs write first. push() waits while it is full (the
// producer is held back instead of memory growing); close() lets the consumer drain what
// is left and then tells it the stream ended. push_all / pop_some move many items per
// lock.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

namespace idiombench::concurrency::queue_handoff {

template <class T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : slots_(capacity == 0 ? 1 : capacity) {}

  void push(T value) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return size_ < slots_.size(); });
    slots_[(head_ + size_++) % slots_.size()] = std::move(value);
    lock.unlock();
    not_empty_.notify_one();
  }

  // Pushes all of `values`, as many per lock as there are free slots: one lock and one
  // wake-up per group, not per item.
  void push_all(std::span<const T> values) {
    while (!values.empty()) {
      std::unique_lock lock(mutex_);
      not_full_.wait(lock, [&] { return size_ < slots_.size(); });
      const std::size_t put = std::min(values.size(), slots_.size() - size_);
      for (std::size_t k = 0; k < put; ++k) slots_[(head_ + size_++) % slots_.size()] = values[k];
      lock.unlock();
      not_empty_.notify_one();
      values = values.subspan(put);
    }
  }

  // Moves up to `max` items into `out` (cleared first), waiting for one at least; false
  // once the queue is closed and empty.
  bool pop_some(std::vector<T>& out, std::size_t max) {
    out.clear();
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return size_ > 0 || closed_; });
    if (size_ == 0) return false;
    const std::size_t take = std::min(max, size_);
    for (std::size_t k = 0; k < take; ++k) {
      out.push_back(std::move(slots_[head_]));
      head_ = (head_ + 1) % slots_.size();
    }
    size_ -= take;
    lock.unlock();
    not_full_.notify_one();
    return true;
  }

  // The next item, or nothing once the queue is closed and empty.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return size_ > 0 || closed_; });
    if (size_ == 0) return std::nullopt;
    T value = std::move(slots_[head_]);
    head_ = (head_ + 1) % slots_.size();
    --size_;
    lock.unlock();
    not_full_.notify_one();
    return value;
  }

  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    not_empty_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::vector<T> slots_;
  std::size_t head_ = 0, size_ = 0;
  bool closed_ = false;
};

}  // namespace idiombench::concurrency::queue_handoff
