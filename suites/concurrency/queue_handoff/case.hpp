// concurrency/queue_handoff: one producer hands items to one consumer. How many items a
// second does each queue carry, between threads and between processes, one item per
// operation and in batches (every queue gets both: batching is what a pipe is good at,
// and the lock-free queues have bulk operations too)?
#pragma once

#include <algorithm>
#include <cstdint>

#include "idiombench/case.hpp"

namespace idiombench::concurrency::queue_handoff {

struct Input {
  std::uint64_t items = 0;
  std::uint64_t capacity = 1;  // slots in the queue (bounded: a full queue makes the producer wait)
  // Items per push and pop at most (and never more than `capacity`): 1 is one operation
  // per item; more lets each side move what it can in one operation.
  std::uint64_t batch = 1;
  std::uint64_t batch_size() const { return std::max<std::uint64_t>(1, std::min(batch, capacity)); }
};

// What the consumer saw: how many items, and an order-sensitive hash of them, so a lost,
// duplicated or reordered item shows.
struct Output {
  std::uint64_t count = 0;
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  bool operator==(const Output&) const = default;
};

// The item the producer sends i-th, and the consumer's running hash.
inline std::uint64_t item(std::uint64_t i) {
  return i * 0x9e3779b97f4a7c15ULL + 1;
}
inline void consume(Output& out, std::uint64_t value) {
  ++out.count;
  out.hash = (out.hash ^ value) * 0x100000001b3ULL;
}

// A variant: hands items 0..items-1 from a producer to a consumer through a queue of
// `capacity` slots, up to batch_size() items per operation; returns what the consumer saw.
using Handoff = Output (*)(const Input& in);

Case<Input, Output>& the_case();
Registration register_handoff(const std::string& name, const std::string& model, Handoff run);

}  // namespace idiombench::concurrency::queue_handoff
