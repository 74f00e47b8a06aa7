// The CPU-bound work of cpu_map: a pure function whose cost is a number of rounds of
// a 64-bit mixer, each round depending on the last (nothing to vectorise or skip).
#pragma once

#include <cstdint>

namespace idiombench::concurrency {

std::uint64_t burn(std::uint64_t seed, std::uint64_t rounds);

// Rounds of burn() that take about a microsecond on this machine, measured once per
// process (the best of a few timings, so a preempted one does not count).
std::uint64_t rounds_per_microsecond();

}  // namespace idiombench::concurrency
