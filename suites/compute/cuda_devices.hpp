// What the CUDA runtime says about this machine, behind a plain interface: nvcc builds
// cuda_devices.cu as C++17, without the harness headers.
#pragma once

#include <string>
#include <vector>

namespace idiombench::compute {

struct CudaDevices {
  std::string runtime_version;
  std::string driver_version;        // "none" without a driver
  std::vector<std::string> devices;  // "NVIDIA H100 (compute 9.0, 79.1 GiB, 132 SMs)"
  std::string why_unavailable;       // empty when a device can be used
};

CudaDevices describe_cuda_devices();

// Empty when a CUDA device can be used; otherwise why not ("no CUDA device: ...").
std::string why_no_cuda_device();

}  // namespace idiombench::compute
