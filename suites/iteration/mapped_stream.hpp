// MappedStream: a hand-written iterator class (the seed's `Countdown`): an object
// that yields fn(x) for each x of a source, computed when the element is read.
// It models std::ranges::input_range; its iterator models std::input_iterator.
#pragma once

#include <cstddef>
#include <iterator>
#include <span>
#include <type_traits>
#include <utility>

namespace idiombench::iteration {

template <class T, class Fn>
class MappedStream {
 public:
  using value_type = std::remove_cvref_t<std::invoke_result_t<const Fn&, const T&>>;

  class iterator {
   public:
    using value_type = MappedStream::value_type;
    using difference_type = std::ptrdiff_t;
    using iterator_concept = std::input_iterator_tag;

    iterator() = default;
    iterator(const T* position, const T* end, const Fn* fn)
        : position_(position), end_(end), fn_(fn) {}

    value_type operator*() const { return (*fn_)(*position_); }
    iterator& operator++() {
      ++position_;
      return *this;
    }
    void operator++(int) { ++position_; }
    friend bool operator==(const iterator& it, std::default_sentinel_t) {
      return it.position_ == it.end_;
    }

   private:
    const T* position_ = nullptr;
    const T* end_ = nullptr;
    const Fn* fn_ = nullptr;
  };

  MappedStream(std::span<const T> source, Fn fn) : source_(source), fn_(std::move(fn)) {}

  iterator begin() const { return {source_.data(), source_.data() + source_.size(), &fn_}; }
  std::default_sentinel_t end() const { return {}; }

 private:
  std::span<const T> source_;
  Fn fn_;
};

}  // namespace idiombench::iteration
