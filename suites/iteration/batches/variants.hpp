// The seed's `stream_batches(items, size)`, written once per idiom. The variants of
// iteration/batches time them; the contract tests drive the same functions.
#pragma once

#include <range/v3/view/chunk.hpp>

#include <algorithm>
#include <cstddef>
#include <ranges>
#include <span>
#include <utility>
#include <vector>

#include "batch_stream.hpp"
#include "generator.hpp"

namespace idiombench::iteration {

// generator_spans: a contiguous source needs no copy: yield sub-spans of it.
template <class T>
generator<std::span<const T>> generate_batches(std::span<const T> source, std::size_t size) {
  size = std::max<std::size_t>(size, 1);
  for (std::size_t i = 0; i < source.size(); i += size) {
    co_yield source.subspan(i, std::min(size, source.size() - i));
  }
}

// generator_buffered: the seed's algorithm for any input stream (which may be a
// generator itself): gather into one reused buffer and yield a view of it. A batch
// is valid until the next one is pulled.
template <std::ranges::input_range Source, class T = std::ranges::range_value_t<Source>>
generator<std::span<const T>> generate_buffered_batches(Source source, std::size_t size) {
  size = std::max<std::size_t>(size, 1);
  std::vector<T> batch;
  batch.reserve(size);
  for (auto&& x : source) {
    batch.push_back(x);
    if (batch.size() == size) {
      co_yield std::span<const T>(batch);
      batch.clear();
    }
  }
  if (!batch.empty()) co_yield std::span<const T>(batch);
}

// eager_vector_of_vectors: the list-of-lists a direct translation builds.
template <class T>
std::vector<std::vector<T>> eager_batches(std::span<const T> source, std::size_t size) {
  size = std::max<std::size_t>(size, 1);
  std::vector<std::vector<T>> batches;
  batches.reserve((source.size() + size - 1) / size);
  for (std::size_t i = 0; i < source.size(); i += size) {
    auto part = source.subspan(i, std::min(size, source.size() - i));
    batches.emplace_back(part.begin(), part.end());
  }
  return batches;
}

// iterator_class: the hand-written BatchStream.
template <class T>
BatchStream<T> stream_batches(std::span<const T> source, std::size_t size) {
  return {source, size};
}

// range_v3_chunk: range-v3's views::chunk.
template <class T>
auto range_v3_batches(std::span<const T> source, std::size_t size) {
  return source | ranges::views::chunk(static_cast<std::ptrdiff_t>(std::max<std::size_t>(size, 1)));
}

}  // namespace idiombench::iteration
