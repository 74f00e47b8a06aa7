// A oneTBB task_arena per thread count, created on first use and kept for the process:
// creating one per call would be timed, and an expert keeps them. Header-only: a target
// that includes it links TBB::tbb itself.
#pragma once

#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

namespace idiombench::support {

inline tbb::task_arena& arena_for(int threads) {
  static std::mutex mutex;
  static std::map<int, std::unique_ptr<tbb::task_arena>> arenas;
  std::lock_guard lock(mutex);
  auto& arena = arenas[threads];
  if (!arena) arena = std::make_unique<tbb::task_arena>(std::max(1, threads));
  return *arena;
}

}  // namespace idiombench::support
