// The shared_counter variants as plain functions, for the contract tests.
#pragma once

#include "shared_counter/case.hpp"

namespace idiombench::concurrency::shared_counter {

Output count_mutex(support::ThreadPool& pool, std::uint64_t increments);
Output count_spinlock(support::ThreadPool& pool, std::uint64_t increments);
Output count_atomic_seq_cst(support::ThreadPool& pool, std::uint64_t increments);
Output count_atomic_relaxed(support::ThreadPool& pool, std::uint64_t increments);
Output count_sharded(support::ThreadPool& pool, std::uint64_t increments);
Output count_false_sharing(support::ThreadPool& pool, std::uint64_t increments);
Output count_local_then_combine(support::ThreadPool& pool, std::uint64_t increments);

}  // namespace idiombench::concurrency::shared_counter
