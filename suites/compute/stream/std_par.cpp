// compute stream/std_par: std::transform / std::transform_reduce with
// std::execution::par_unseq (libstdc++'s backend is TBB; its thread count is capped with
// tbb::global_control, held for the process).
#include <tbb/global_control.h>

#include <algorithm>
#include <execution>
#include <functional>
#include <memory>
#include <numeric>

#include "stream/case.hpp"

namespace idiombench::compute::stream {
namespace {

void limit_threads(int threads) {
  static std::unique_ptr<tbb::global_control> control;
  static int current = 0;
  if (current != threads) {
    control.reset();
    control = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                    static_cast<std::size_t>(threads));
    current = threads;
  }
}

struct StdPar {
  template <class Op>
  static void map(const Arrays& a, Op op, Launch launch) {
    limit_threads(launch.threads);
    std::transform(std::execution::par_unseq, a.x.begin(), a.x.end(), a.y.begin(), a.out.begin(),
                   op);
  }
  static double dot(const Arrays& a, Launch launch) {
    limit_threads(launch.threads);
    return std::transform_reduce(std::execution::par_unseq, a.x.begin(), a.x.end(), a.y.begin(),
                                 0.0);
  }
};

[[maybe_unused]] const auto registered = register_stream_variant<StdPar>("std_par", "tbb");

}  // namespace
}  // namespace idiombench::compute::stream
