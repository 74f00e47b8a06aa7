// The CUDA backend's status for `info` and every results file: runtime and driver
// versions, the devices, device 0's L2 and theoretical memory bandwidth, or why no
// device can be used.
#include <string>

#include "idiombench/backend.hpp"

#ifdef IDIOMBENCH_HAVE_CUDA
#include "cuda_devices.hpp"
#endif

namespace idiombench::compute {
namespace {

BackendStatus probe_cuda() {
#ifdef IDIOMBENCH_HAVE_CUDA
  const auto found = describe_cuda_devices();
  BackendStatus status{.available = found.why_unavailable.empty(),
                       .reason = found.why_unavailable,
                       .details = {{"runtime_version", found.runtime_version},
                                   {"driver_version", found.driver_version}}};
  for (std::size_t d = 0; d < found.devices.size(); ++d) {
    status.details.emplace_back("device " + std::to_string(d), found.devices[d]);
  }
  if (found.l2_bytes > 0) status.details.emplace_back("l2_bytes", std::to_string(found.l2_bytes));
  // Beside the measured limit (compute/device_peak): what the attributes promise.
  if (found.theoretical_bytes_per_second > 0) {
    status.details.emplace_back("theoretical_bytes_per_second",
                                std::to_string(found.theoretical_bytes_per_second));
  }
  return status;
#else
  return {.reason = IDIOMBENCH_CUDA_REASON};
#endif
}

[[maybe_unused]] const auto declared =
    declare_backend({.name = "cuda", .probe = probe_cuda, .models = {"cuda", "kokkos_cuda"}});

}  // namespace
}  // namespace idiombench::compute
