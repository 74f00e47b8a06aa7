#include "machine_sizes.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <thread>
#include <vector>

namespace idiombench::compute {
namespace {

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

}  // namespace

std::int64_t elements_in_cache(int level, int arrays) {
  auto bytes = cache_bytes(level);
  if (bytes == 0) bytes = level == 1 ? 32 << 10 : 512 << 10;
  return std::max<std::int64_t>(64, bytes / 2 / (arrays * static_cast<int>(sizeof(double))));
}

std::int64_t elements_beyond_llc(double factor, int arrays, std::int64_t at_least) {
  auto total = static_cast<std::int64_t>(factor * static_cast<double>(last_level_cache_bytes()));
  auto per_array = total / (arrays * static_cast<std::int64_t>(sizeof(double)));
  return std::max(at_least, (per_array / 1024 + 1) * 1024);  // strictly beyond, rounded up
}

bool beyond_last_level_cache(std::int64_t bytes) {
  return bytes > last_level_cache_bytes();
}

int threads_param(const Params& p) {
  return p.contains("threads") ? static_cast<int>(p.integer("threads"))
                               : static_cast<int>(hardware_threads());
}

}  // namespace idiombench::compute
