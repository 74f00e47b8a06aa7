// concurrency/shared_counter: N threads each add 1 to a shared total M times. What does
// protecting shared state cost: a mutex, a spinlock, atomics, per-thread slots?
#pragma once

#include <cstdint>

#include "idiombench/case.hpp"
#include "idiombench/support/thread_pool.hpp"

namespace idiombench::concurrency::shared_counter {

struct Input {
  int threads = 1;
  std::uint64_t increments = 0;  // per thread
};
using Output = std::uint64_t;  // the final total: threads * increments, exactly

// A variant: runs the increments on every worker of `pool` at once, returns the total.
using Counter = Output (*)(support::ThreadPool& pool, std::uint64_t increments);

// Runs body(w) once on every worker of `pool`, all released together by a barrier: a
// worker woken late would otherwise find the others finished, and nothing contends.
void run_together(support::ThreadPool& pool, const std::function<void(int)>& body);

Case<Input, Output>& the_case();
Registration register_counter(const std::string& name, Counter counter);

}  // namespace idiombench::concurrency::shared_counter
