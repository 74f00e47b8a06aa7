// cuBLAS's ddot and dgemm on device-resident data, for compute/dot and compute/gemm.
//
// libcublas is opened on first use (dlopen), not linked: loading it costs ~70 ms, and
// every benchmark is a process of its own.
#include <cublas_v2.h>
#include <cuda_runtime.h>
#include <dlfcn.h>

#include <stdexcept>
#include <string>

#include "cublas_api.hpp"
#include "cuda_check.cuh"
#include "cuda_devices.hpp"

namespace idiombench::compute::cublas {
namespace {

using compute::check;
void check(cublasStatus_t status, const char* what) {
  if (status != CUBLAS_STATUS_SUCCESS) {
    throw std::runtime_error(std::string(what) + ": cuBLAS status " + std::to_string(status));
  }
}

// The three cuBLAS entry points used, from the library opened at run time.
struct Library {
  void* so = nullptr;
  cublasStatus_t (*create)(cublasHandle_t*) = nullptr;
  cublasStatus_t (*ddot)(cublasHandle_t, int, const double*, int, const double*, int,
                         double*) = nullptr;
  cublasStatus_t (*dgemm)(cublasHandle_t, cublasOperation_t, cublasOperation_t, int, int, int,
                          const double*, const double*, int, const double*, int, const double*,
                          double*, int) = nullptr;
  std::string error;
};

const Library& library() {
  static const Library lib = [] {
    Library l;
    l.so = dlopen("libcublas.so." CUBLAS_SONAME_MAJOR, RTLD_NOW | RTLD_LOCAL);
    if (!l.so) l.so = dlopen("libcublas.so", RTLD_NOW | RTLD_LOCAL);
    if (!l.so) {
      l.error = std::string("cannot load libcublas: ") + dlerror();
      return l;
    }
    l.create = reinterpret_cast<decltype(l.create)>(dlsym(l.so, "cublasCreate_v2"));
    l.ddot = reinterpret_cast<decltype(l.ddot)>(dlsym(l.so, "cublasDdot_v2"));
    l.dgemm = reinterpret_cast<decltype(l.dgemm)>(dlsym(l.so, "cublasDgemm_v2"));
    if (!l.create || !l.ddot || !l.dgemm)
      l.error = "libcublas lacks cublasDdot_v2 / cublasDgemm_v2";
    return l;
  }();
  return lib;
}

cublasHandle_t handle() {
  static cublasHandle_t h = [] {
    cublasHandle_t created = nullptr;
    check(library().create(&created), "cublasCreate");
    return created;
  }();
  return h;
}

// Device copies of up to three host arrays of `count` doubles, kept for the input they
// came from.
struct Buffers {
  const double* host = nullptr;
  std::size_t count = 0;
  double* device[3] = {nullptr, nullptr, nullptr};
};

Buffers& buffers_for(const double* first, std::size_t count, const double* const* sources,
                     int copies, bool refresh) {
  static Buffers buffers;
  if (buffers.host != first || buffers.count != count || refresh) {
    for (auto*& d : buffers.device) {
      cudaFree(d);
      d = nullptr;
      check(cudaMalloc(&d, (count == 0 ? 1 : count) * sizeof(double)), "cudaMalloc");
    }
    for (int i = 0; i < copies; ++i) {
      check(
          cudaMemcpy(buffers.device[i], sources[i], count * sizeof(double), cudaMemcpyHostToDevice),
          "upload");
    }
    buffers.host = first;
    buffers.count = count;
  }
  return buffers;
}

}  // namespace

std::string why_unavailable() {
  auto missing = why_no_cuda_device();
  return missing.empty() ? library().error : missing;
}

double dot(const double* x, const double* y, std::size_t n, bool refresh) {
  const double* sources[] = {x, y};
  auto& b = buffers_for(x, n, sources, 2, refresh);
  double result = 0;
  if (n > 0)
    check(library().ddot(handle(), static_cast<int>(n), b.device[0], 1, b.device[1], 1, &result),
          "ddot");
  return result;
}

void gemm(const double* a, const double* b, double* c, std::size_t n, bool verifying) {
  const double* sources[] = {a, b};
  auto& buf = buffers_for(a, n * n, sources, 2, verifying);
  if (n == 0) return;
  const double one = 1.0, zero = 0.0;
  const int m = static_cast<int>(n);
  // Row-major C = A B is column-major C^T = B^T A^T: swap the operands.
  check(library().dgemm(handle(), CUBLAS_OP_N, CUBLAS_OP_N, m, m, m, &one, buf.device[1], m,
                        buf.device[0], m, &zero, buf.device[2], m),
        "dgemm");
  check(cudaDeviceSynchronize(), "dgemm");
  if (verifying) {
    check(cudaMemcpy(c, buf.device[2], n * n * sizeof(double), cudaMemcpyDeviceToHost), "download");
  }
}

}  // namespace idiombench::compute::cublas
