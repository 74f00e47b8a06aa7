#include "device_sizes.hpp"

#include <algorithm>

#ifdef IDIOMBENCH_HAVE_CUDA
#include "cuda_devices.hpp"
#endif

namespace idiombench::compute {

const std::vector<std::string>& device_models() {
  static const std::vector<std::string> models{"cuda", "kokkos_cuda"};
  return models;
}

std::int64_t device_l2_bytes() {
  static const std::int64_t bytes = [] {
    std::int64_t found = 0;
#ifdef IDIOMBENCH_HAVE_CUDA
    found = describe_cuda_devices().l2_bytes;
#endif
    return found > 0 ? found : std::int64_t{50} << 20;
  }();
  return bytes;
}

std::int64_t elements_in_device_l2(int arrays) {
  return std::max<std::int64_t>(1, device_l2_bytes() / 2 / (arrays * std::int64_t{8}));
}

std::int64_t elements_beyond_device_l2(std::int64_t at_least) {
  return std::max(at_least, 4 * device_l2_bytes() / std::int64_t{8});
}

ParamGrid host_and_device_sizes(const std::vector<std::int64_t>& host_sizes, int arrays) {
  ParamAxis host = integer_axis("n", host_sizes);
  host.except_models = device_models();
  return {host, integer_axis("n", {elements_in_device_l2(arrays), elements_beyond_device_l2()},
                             device_models())};
}

}  // namespace idiombench::compute
