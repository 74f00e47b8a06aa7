// The queue_handoff variants as plain functions, for the contract tests.
#pragma once

#include "queue_handoff/case.hpp"

namespace idiombench::concurrency::queue_handoff {

Output handoff_mutex_condvar_queue(const Input& in);
Output handoff_boost_lockfree_spsc(const Input& in);
Output handoff_boost_lockfree_queue(const Input& in);
Output handoff_pipe(const Input& in);
Output handoff_shm_ring(const Input& in);

}  // namespace idiombench::concurrency::queue_handoff
