// The thread / worker counts a case sweeps: quick 1 and nproc, full 1, 2, 4 ... up to
// 2 x nproc (oversubscribed on purpose: what happens with more threads than cores).
#pragma once

#include <algorithm>
#include <cstdint>
#include <thread>
#include <vector>

namespace idiombench::concurrency {

inline std::int64_t hardware_threads() {
  return std::max<std::int64_t>(1, std::thread::hardware_concurrency());
}

inline std::vector<std::int64_t> worker_counts(bool full) {
  const std::int64_t nproc = hardware_threads();
  std::vector<std::int64_t> counts{1, nproc};
  if (full) {
    for (std::int64_t w = 2; w < 2 * nproc; w *= 2) counts.push_back(w);
    counts.push_back(2 * nproc);
  }
  std::sort(counts.begin(), counts.end());
  counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
  return counts;
}

}  // namespace idiombench::concurrency
