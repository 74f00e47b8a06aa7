// iteration/batches: the seed's `stream_batches(items, size=32)`, consumed batch by
// batch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "idiombench/case.hpp"

namespace idiombench::iteration::batches {

struct Input {
  std::vector<std::int32_t> values;
  std::size_t size;  // elements per batch (the last may hold fewer)
};
using Output = std::uint64_t;

Case<Input, Output>& the_case();

// The consumer: folds each batch's length and sum, in order, into one number, so a
// wrong boundary, a lost or repeated batch, or a reordering changes the answer.
template <class Batch>
std::uint64_t fold_batch(std::uint64_t acc, const Batch& batch) {
  std::int64_t sum = 0;
  std::uint64_t length = 0;
  for (auto x : batch) {
    sum += x;
    ++length;
  }
  return acc * 1000003u + length * 0x9E3779B97F4A7C15u + static_cast<std::uint64_t>(sum);
}

}  // namespace idiombench::iteration::batches
