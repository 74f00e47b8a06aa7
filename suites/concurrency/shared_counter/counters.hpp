// The shared_counter variants as plain functions, for the contract tests.
#pragma once

#include "shared_counter/case.hpp"

namespace idiombench::concurrency::shared_counter {

Output count_mutex(ThreadPool& pool, std::uint64_t increments);
Output count_spinlock(ThreadPool& pool, std::uint64_t increments);
Output count_atomic_seq_cst(ThreadPool& pool, std::uint64_t increments);
Output count_atomic_relaxed(ThreadPool& pool, std::uint64_t increments);
Output count_sharded(ThreadPool& pool, std::uint64_t increments);
Output count_false_sharing(ThreadPool& pool, std::uint64_t increments);
Output count_local_then_combine(ThreadPool& pool, std::uint64_t increments);

}  // namespace idiombench::concurrency::shared_counter
