// A task_arena per thread count, created once per process: creating one per call would
// be timed, and an expert keeps them.
#pragma once

#include <tbb/task_arena.h>

#include <map>
#include <memory>

namespace idiombench::compute {

inline tbb::task_arena& arena_for(int threads) {
  static std::map<int, std::unique_ptr<tbb::task_arena>> arenas;
  auto& arena = arenas[threads];
  if (!arena) arena = std::make_unique<tbb::task_arena>(threads);
  return *arena;
}

}  // namespace idiombench::compute
