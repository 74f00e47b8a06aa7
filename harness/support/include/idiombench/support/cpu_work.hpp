// CPU-bound work of a chosen cost: a pure function whose cost is a number of rounds of
// a 64-bit mixer, each round depending on the last (nothing to vectorise or skip).
// What cpu_map maps and what expensive_lookup memoizes.
#pragma once

#include <cstdint>

namespace idiombench::support {

std::uint64_t cpu_work(std::uint64_t seed, std::uint64_t rounds);

// Rounds of cpu_work() that take about a microsecond on this machine, measured once
// per process (the best of a few timings, so a preempted one does not count).
std::uint64_t cpu_work_rounds_per_microsecond();

}  // namespace idiombench::support
