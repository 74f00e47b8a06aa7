// BatchStream: a hand-written iterator class yielding consecutive spans of at most
// `size` elements of a contiguous source (zero-copy batches).
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <span>

namespace idiombench::iteration {

template <class T>
class BatchStream {
 public:
  class iterator {
   public:
    using value_type = std::span<const T>;
    using difference_type = std::ptrdiff_t;
    using iterator_concept = std::input_iterator_tag;

    iterator() = default;
    iterator(std::span<const T> rest, std::size_t size) : rest_(rest), size_(size) {}

    value_type operator*() const { return rest_.first(std::min(size_, rest_.size())); }
    iterator& operator++() {
      rest_ = rest_.subspan(std::min(size_, rest_.size()));
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& it, std::default_sentinel_t) { return it.rest_.empty(); }

   private:
    std::span<const T> rest_;
    std::size_t size_ = 1;
  };

  // A batch size of 0 is taken as 1: every batch holds at least one element.
  BatchStream(std::span<const T> source, std::size_t size)
      : source_(source), size_(std::max<std::size_t>(size, 1)) {}

  iterator begin() const { return {source_, size_}; }
  std::default_sentinel_t end() const { return {}; }

 private:
  std::span<const T> source_;
  std::size_t size_;
};

}  // namespace idiombench::iteration
