// generator<T>: a C++20 stackless coroutine that yields a lazy sequence, the C++
// counterpart of a Python generator function.
//
// - One allocation per generator (its frame), none per element: a yielded value is
//   referenced where it lives in the frame, not copied out.
// - Lazy: nothing runs until begin(); each ++ resumes the body to its next co_yield.
// - An exception thrown by the body reaches the consumer at begin() or ++.
// - Destroying the generator destroys the frame, so an early `break` runs the body's
//   destructors (its cleanup) at once.
// - A move-only std::ranges::input_range (a view) with a default_sentinel end.
#pragma once

#include <coroutine>
#include <cstddef>
#include <exception>
#include <iterator>
#include <memory>
#include <ranges>
#include <type_traits>
#include <utility>

namespace idiombench::iteration {

template <class T>
class generator : public std::ranges::view_base {
 public:
  using value_type = std::remove_cvref_t<T>;

  class promise_type {
   public:
    generator get_return_object() noexcept {
      return generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() const noexcept { return {}; }
    std::suspend_always final_suspend() const noexcept { return {}; }
    // A temporary made for `co_yield expr` lives until the body resumes, so pointing
    // at it is safe and saves a copy.
    std::suspend_always yield_value(const value_type& value) noexcept {
      current_ = std::addressof(value);
      return {};
    }
    void return_void() const noexcept {}
    void unhandled_exception() noexcept { exception_ = std::current_exception(); }
    // A generator body yields; it does not await.
    template <class U>
    std::suspend_never await_transform(U&&) = delete;

    const value_type& current() const noexcept { return *current_; }
    void rethrow_if_failed() {
      if (exception_) std::rethrow_exception(std::exchange(exception_, nullptr));
    }

   private:
    const value_type* current_ = nullptr;
    std::exception_ptr exception_;
  };

  using handle = std::coroutine_handle<promise_type>;

  class iterator {
   public:
    using value_type = generator::value_type;
    using difference_type = std::ptrdiff_t;
    using iterator_concept = std::input_iterator_tag;

    iterator() = default;
    explicit iterator(handle coroutine) noexcept : coroutine_(coroutine) {}
    iterator(iterator&&) noexcept = default;
    iterator& operator=(iterator&&) noexcept = default;

    const value_type& operator*() const noexcept { return coroutine_.promise().current(); }
    iterator& operator++() {
      coroutine_.resume();
      if (coroutine_.done()) coroutine_.promise().rethrow_if_failed();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& it, std::default_sentinel_t) noexcept {
      return !it.coroutine_ || it.coroutine_.done();
    }

   private:
    handle coroutine_{};
  };

  generator() = default;
  generator(generator&& other) noexcept
      : coroutine_(std::exchange(other.coroutine_, {})),
        started_(std::exchange(other.started_, false)) {}
  generator& operator=(generator&& other) noexcept {
    if (this != &other) {
      reset();
      coroutine_ = std::exchange(other.coroutine_, {});
      started_ = std::exchange(other.started_, false);
    }
    return *this;
  }
  ~generator() { reset(); }

  // Starts the body (once: a generator is a single pass).
  iterator begin() {
    if (coroutine_ && !started_) {
      started_ = true;
      coroutine_.resume();
      if (coroutine_.done()) coroutine_.promise().rethrow_if_failed();
    }
    return iterator{coroutine_};
  }
  std::default_sentinel_t end() const noexcept { return {}; }

 private:
  explicit generator(handle coroutine) noexcept : coroutine_(coroutine) {}
  void reset() noexcept {
    if (coroutine_) coroutine_.destroy();
    coroutine_ = {};
  }

  handle coroutine_{};
  bool started_ = false;
};

}  // namespace idiombench::iteration
