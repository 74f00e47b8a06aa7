// What the compute suite's .cu files share: a CUDA runtime error as an exception.
#pragma once

#include <cuda_runtime.h>

#include <stdexcept>
#include <string>

namespace idiombench::compute {

inline void check(cudaError_t status, const char* what) {
  if (status != cudaSuccess) {
    throw std::runtime_error(std::string(what) + ": " + cudaGetErrorString(status));
  }
}

}  // namespace idiombench::compute
