// compute stream/tbb: tbb::parallel_for / parallel_reduce over blocked ranges with a
// static partitioner, inside a task_arena of the requested size (created once).
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>
#include <tbb/partitioner.h>

#include <functional>

#include "idiombench/support/tbb_arena.hpp"
#include "stream/case.hpp"

namespace idiombench::compute::stream {
namespace {

struct Tbb {
  template <class Op>
  static void map(const Arrays& a, Op op, Launch launch) {
    support::arena_for(launch.threads).execute([&] {
      tbb::parallel_for(
          tbb::blocked_range<std::size_t>(0, a.out.size()),
          [&](const tbb::blocked_range<std::size_t>& r) {
            map_range(a.x.data(), a.y.data(), a.out.data(), r.begin(), r.end(), op);
          },
          tbb::static_partitioner());
    });
  }
  static double dot(const Arrays& a, Launch launch) {
    return support::arena_for(launch.threads).execute([&] {
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
