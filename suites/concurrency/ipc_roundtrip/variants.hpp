// The ipc_roundtrip variants as plain functions, for the contract tests.
#pragma once

#include "ipc_roundtrip/case.hpp"

namespace idiombench::concurrency::ipc_roundtrip {

Output ping_pong_pipe(std::uint64_t round_trips);
Output ping_pong_socketpair(std::uint64_t round_trips);
Output ping_pong_shm_futex(std::uint64_t round_trips);
Output ping_pong_shm_spin(std::uint64_t round_trips);
Output ping_pong_thread_condvar(std::uint64_t round_trips);

}  // namespace idiombench::concurrency::ipc_roundtrip
