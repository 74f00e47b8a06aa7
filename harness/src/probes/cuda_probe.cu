// Describes the CUDA runtime and devices. Compiled by nvcc when the toolkit is found;
// on a machine without a device or driver it says why instead of failing.
#include <cuda_runtime.h>

#include <string>

#include "../backend_probe.hpp"

namespace idiombench {
namespace {

std::string version_string(int v) {
  return std::to_string(v / 1000) + "." + std::to_string(v % 1000 / 10);
}

nlohmann::json probe_cuda() {
  int runtime = 0, driver = 0, count = 0;
  cudaRuntimeGetVersion(&runtime);
  cudaDriverGetVersion(&driver);
  nlohmann::json out = {{"runtime_version", version_string(runtime)},
                        {"driver_version", driver ? version_string(driver) : "none"},
                        {"devices", nlohmann::json::array()}};
  cudaError_t status = cudaGetDeviceCount(&count);
  if (status != cudaSuccess || count == 0) {
    out["available"] = false;
    out["reason"] = std::string("no CUDA device: ") +
                    (status != cudaSuccess ? cudaGetErrorString(status) : "none found");
    return out;
  }
  for (int d = 0; d < count; ++d) {
    cudaDeviceProp prop{};
    if (cudaGetDeviceProperties(&prop, d) != cudaSuccess) continue;
    out["devices"].push_back(
        {{"name", prop.name},
         {"compute_capability", std::to_string(prop.major) + "." + std::to_string(prop.minor)},
         {"memory_bytes", prop.totalGlobalMem},
         {"multiprocessors", prop.multiProcessorCount}});
  }
  out["available"] = true;
  return out;
}

const BackendProbeRegistration registration("cuda", probe_cuda);

}  // namespace
}  // namespace idiombench
