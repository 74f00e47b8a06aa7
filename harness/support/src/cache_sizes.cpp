#include "idiombench/support/cache_sizes.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>

namespace idiombench::support {

std::int64_t cache_bytes(int level) {
  std::int64_t bytes = 0;
  for (const auto& c : benchmark::CPUInfo::Get().caches) {
    if (c.level == level && c.type != "Instruction") bytes = std::max<std::int64_t>(bytes, c.size);
  }
  return bytes;
}

std::int64_t last_level_cache_bytes() {
  std::int64_t bytes = 0;
  for (int level = 1; level <= 4; ++level) bytes = std::max(bytes, cache_bytes(level));
  return bytes > 0 ? bytes : 32ll << 20;  // unknown: assume a large 32 MiB
}

bool beyond_last_level_cache(std::int64_t bytes) {
  return bytes > last_level_cache_bytes();
}

}  // namespace idiombench::support
