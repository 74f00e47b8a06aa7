// The queue_handoff variants as plain functions, for the contract tests.
#pragma once

#include "queue_handoff/case.hpp"

namespace idiombench::concurrency::queue_handoff {

Output handoff_mutex_condvar_queue(std::uint64_t items, std::uint64_t capacity);
Output handoff_boost_lockfree_spsc(std::uint64_t items, std::uint64_t capacity);
Output handoff_boost_lockfree_queue(std::uint64_t items, std::uint64_t capacity);
Output handoff_pipe(std::uint64_t items, std::uint64_t capacity);
Output handoff_shm_ring(std::uint64_t items, std::uint64_t capacity);

}  // namespace idiombench::concurrency::queue_handoff
