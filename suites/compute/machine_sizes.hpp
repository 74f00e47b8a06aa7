// Array sizes chosen from this machine's caches (as Google Benchmark reads them), so
// that "in L1", "in L2" and "memory-bound" mean what they say everywhere.
#pragma once

#include <cstdint>
#include <vector>

#include "idiombench/params.hpp"

namespace idiombench::compute {

// Elements per array when `arrays` arrays of doubles should fill about half a level.
std::int64_t elements_in_cache(int level, int arrays);
// Elements per array when `arrays` arrays together exceed `factor` x the last-level
// cache, and at least `at_least`: a VM may report a smaller cache than the host has
// (here 32 MiB reported, yet 67 MB of arrays still ran at cache speed).
std::int64_t elements_beyond_llc(double factor, int arrays, std::int64_t at_least = 0);
// Whether `bytes` exceed the last-level cache: where a DRAM bandwidth is the limit.
bool beyond_last_level_cache(std::int64_t bytes);
// The `threads` param of a point, or every hardware thread when the model takes none.
int threads_param(const Params& p);

}  // namespace idiombench::compute
