// compute stream/tbb: tbb::parallel_for / parallel_reduce over blocked ranges with a
// static partitioner, inside a task_arena of the requested size (created once).
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include <functional>
#include <map>
#include <memory>

#include "stream/case.hpp"

namespace idiombench::compute::stream {
namespace {

tbb::task_arena& arena_for(int threads) {
  static std::map<int, std::unique_ptr<tbb::task_arena>> arenas;
  auto& arena = arenas[threads];
  if (!arena) arena = std::make_unique<tbb::task_arena>(threads);
  return *arena;
}

struct Tbb {
  template <class Op>
  static void map(const Arrays& a, Op op, int threads) {
    arena_for(threads).execute([&] {
      tbb::parallel_for(
          tbb::blocked_range<std::size_t>(0, a.out.size()),
          [&](const tbb::blocked_range<std::size_t>& r) {
            map_range(a.x.data(), a.y.data(), a.out.data(), r.begin(), r.end(), op);
          },
          tbb::static_partitioner());
    });
  }
  static double dot(const Arrays& a, int threads) {
    return arena_for(threads).execute([&] {
      return tbb::parallel_reduce(
          tbb::blocked_range<std::size_t>(0, a.x.size()), 0.0,
          [&](const tbb::blocked_range<std::size_t>& r, double partial) {
            return partial + dot_range(a.x.data(), a.y.data(), r.begin(), r.end());
          },
          std::plus<double>(), tbb::static_partitioner());
    });
  }
};

[[maybe_unused]] const auto registered = register_stream_variant<Tbb>("tbb", "tbb");

}  // namespace
}  // namespace idiombench::compute::stream
