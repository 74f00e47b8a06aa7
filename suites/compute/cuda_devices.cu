#include <cuda_runtime.h>

#include <cstdio>

#include "cuda_devices.hpp"

namespace idiombench::compute {
namespace {

std::string version_string(int v) {
  return std::to_string(v / 1000) + "." + std::to_string(v % 1000 / 10);
}

}  // namespace

std::string why_no_cuda_device() {
  int count = 0;
  cudaError_t status = cudaGetDeviceCount(&count);
  if (status != cudaSuccess) return std::string("no CUDA device: ") + cudaGetErrorString(status);
  return count == 0 ? "no CUDA device: none found" : "";
}

CudaDevices describe_cuda_devices() {
  CudaDevices out;
  int runtime = 0, driver = 0, count = 0;
  cudaRuntimeGetVersion(&runtime);
  cudaDriverGetVersion(&driver);
  out.runtime_version = version_string(runtime);
  out.driver_version = driver ? version_string(driver) : "none";
  out.why_unavailable = why_no_cuda_device();
  if (!out.why_unavailable.empty() || cudaGetDeviceCount(&count) != cudaSuccess) return out;
  for (int d = 0; d < count; ++d) {
    cudaDeviceProp prop{};
    if (cudaGetDeviceProperties(&prop, d) != cudaSuccess) continue;
    char line[256];
    std::snprintf(line, sizeof line, "%s (compute %d.%d, %.1f GiB, %d SMs)", prop.name, prop.major,
                  prop.minor, static_cast<double>(prop.totalGlobalMem) / (1 << 30),
                  prop.multiProcessorCount);
    out.devices.push_back(line);
  }
  int l2 = 0, memory_khz = 0, bus_bits = 0;
  if (cudaDeviceGetAttribute(&l2, cudaDevAttrL2CacheSize, 0) == cudaSuccess) out.l2_bytes = l2;
  if (cudaDeviceGetAttribute(&memory_khz, cudaDevAttrMemoryClockRate, 0) == cudaSuccess &&
      cudaDeviceGetAttribute(&bus_bits, cudaDevAttrGlobalMemoryBusWidth, 0) == cudaSuccess) {
    // Double data rate: two transfers per clock.
    out.theoretical_bytes_per_second = 2.0 * memory_khz * 1e3 * (bus_bits / 8.0);
  }
  return out;
}

}  // namespace idiombench::compute
