#include "machine_sizes.hpp"

#include "idiombench/support/cache_sizes.hpp"

#include <algorithm>
#include <thread>
#include <vector>

namespace idiombench::compute {

using support::cache_bytes;
using support::last_level_cache_bytes;

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
  return support::beyond_last_level_cache(bytes);
}

int threads_param(const Params& p) {
  return p.contains("threads") ? static_cast<int>(p.integer("threads"))
                               : static_cast<int>(hardware_threads());
}

}  // namespace idiombench::compute
