// This machine's data caches as Google Benchmark reads them, so that a case's "in cache"
// and "beyond the last-level cache" sizes mean what they say on every machine.
#pragma once

#include <cstdint>

namespace idiombench::support {

// The largest data (or unified) cache of `level`, in bytes; 0 when unknown.
std::int64_t cache_bytes(int level);
// The largest data cache of any level; an assumed 32 MiB when none is reported.
std::int64_t last_level_cache_bytes();
// Whether a working set of `bytes` exceeds the last-level cache.
bool beyond_last_level_cache(std::int64_t bytes);

}  // namespace idiombench::support
