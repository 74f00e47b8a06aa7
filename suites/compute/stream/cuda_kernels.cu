// The STREAM kernels on a CUDA device: hand-written (grid-stride loops, double2 vector
// loads and stores, a block-level shared-memory reduction for dot) and Thrust
// (transform, inner_product) on the same device buffers.
#include <cuda_runtime.h>
#include <thrust/copy.h>
#include <thrust/execution_policy.h>
#include <thrust/inner_product.h>
#include <thrust/transform.h>

#include <stdexcept>
#include <string>

#include "cuda_check.cuh"
#include "cuda_devices.hpp"
#include "stream/cuda_api.hpp"

namespace idiombench::compute::stream::cuda {
namespace {

// One set of device buffers, kept for the input it was filled from.
struct DeviceArrays {
  const double* host_x = nullptr;
  std::size_t n = 0;
  double *x = nullptr, *y = nullptr, *out = nullptr, *partial = nullptr;

  void reset() {
    cudaFree(x);
    cudaFree(y);
    cudaFree(out);
    cudaFree(partial);
    x = y = out = partial = nullptr;
  }
};

// `refresh` (on verification runs) uploads the inputs again: a new input may reuse
// the address of an old one.
DeviceArrays& device_for(const double* x, const double* y, std::size_t n, bool refresh) {
  static DeviceArrays arrays;
  if (arrays.host_x != x || arrays.n != n || refresh) {
    arrays.reset();
    std::size_t bytes = (n == 0 ? 1 : n) * sizeof(double);
    check(cudaMalloc(&arrays.x, bytes), "cudaMalloc");
    check(cudaMalloc(&arrays.y, bytes), "cudaMalloc");
    check(cudaMalloc(&arrays.out, bytes), "cudaMalloc");
    check(cudaMalloc(&arrays.partial, sizeof(double)), "cudaMalloc");
    check(cudaMemcpy(arrays.x, x, n * sizeof(double), cudaMemcpyHostToDevice), "copy x");
    check(cudaMemcpy(arrays.y, y, n * sizeof(double), cudaMemcpyHostToDevice), "copy y");
    arrays.host_x = x;
    arrays.n = n;
  }
  return arrays;
}

// `reads_y`: whether the kernel touches the second array at all (copy and scale do not,
// and must not pay for reading it).
struct Copy {
  static constexpr bool reads_y = false;
  double s;
  __host__ __device__ double operator()(double x, double) const { return x; }
};
struct Scale {
  static constexpr bool reads_y = false;
  double s;
  __host__ __device__ double operator()(double x, double) const { return s * x; }
  __host__ __device__ double operator()(double x) const { return s * x; }
};
struct Add {
  static constexpr bool reads_y = true;
  double s;
  __host__ __device__ double operator()(double x, double y) const { return x + y; }
};
struct Triad {
  static constexpr bool reads_y = true;
  double s;
  __host__ __device__ double operator()(double x, double y) const { return x + s * y; }
};

// Pairs of elements through double2 (the buffers come from cudaMalloc: 256-byte
// aligned), the odd last element on its own.
template <class Op>
__global__ void map_kernel(const double* x, const double* y, double* out, std::size_t n, Op op) {
  const std::size_t pairs = n / 2;
  const auto* x2 = reinterpret_cast<const double2*>(x);
  const auto* y2 = reinterpret_cast<const double2*>(y);
  auto* out2 = reinterpret_cast<double2*>(out);
  for (std::size_t i = blockIdx.x * blockDim.x + threadIdx.x; i < pairs;
       i += static_cast<std::size_t>(gridDim.x) * blockDim.x) {
    const double2 a = x2[i];
    const double2 b = Op::reads_y ? y2[i] : double2{0, 0};
    out2[i] = make_double2(op(a.x, b.x), op(a.y, b.y));
  }
  if (n % 2 == 1 && blockIdx.x == 0 && threadIdx.x == 0)
    out[n - 1] = op(x[n - 1], Op::reads_y ? y[n - 1] : 0.0);
}

constexpr int kThreads = 256;

__global__ void dot_kernel(const double* x, const double* y, std::size_t n, double* result) {
  __shared__ double partial[kThreads];
  double sum = 0;
  for (std::size_t i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += static_cast<std::size_t>(gridDim.x) * blockDim.x) {
    sum += x[i] * y[i];
  }
  partial[threadIdx.x] = sum;
  __syncthreads();
  for (int stride = kThreads / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride) partial[threadIdx.x] += partial[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0) atomicAdd(result, partial[0]);
}

int blocks_for(std::size_t n) {
  int device = 0, multiprocessors = 1;
  cudaGetDevice(&device);
  cudaDeviceGetAttribute(&multiprocessors, cudaDevAttrMultiProcessorCount, device);
  std::size_t wanted = (n + kThreads - 1) / kThreads;
  std::size_t cap = static_cast<std::size_t>(multiprocessors) * 8;
  return static_cast<int>(wanted < 1 ? 1 : (wanted < cap ? wanted : cap));
}

// Thrust as its users write each kernel: copy is thrust::copy, scale a unary transform,
// add and triad binary transforms.
template <class Op>
void thrust_map(const DeviceArrays& d, std::size_t n, Op op) {
  thrust::transform(thrust::device, d.x, d.x + n, d.y, d.out, op);
}
void thrust_map(const DeviceArrays& d, std::size_t n, Copy) {
  thrust::copy(thrust::device, d.x, d.x + n, d.out);
}
void thrust_map(const DeviceArrays& d, std::size_t n, Scale op) {
  thrust::transform(thrust::device, d.x, d.x + n, d.out, op);
}

template <class Op>
void run_map(Library library, const DeviceArrays& d, std::size_t n, Op op) {
  if (n == 0) return;
  if (library == Library::thrust) {
    thrust_map(d, n, op);
  } else {
    map_kernel<<<blocks_for(n), kThreads>>>(d.x, d.y, d.out, n, op);
    check(cudaGetLastError(), "map kernel");
  }
}

}  // namespace

std::string why_unavailable() {
  return why_no_cuda_device();
}

void map(Library library, MapKernel kernel, const double* x, const double* y, double* out,
         std::size_t n, double scalar, bool verifying) {
  auto& d = device_for(x, y, n, verifying);
  if (verifying) check(cudaMemset(d.out, 0xff, n * sizeof(double)), "poison");  // all-ones: NaN
  switch (kernel) {
    case MapKernel::copy:
      run_map(library, d, n, Copy{scalar});
      break;
    case MapKernel::scale:
      run_map(library, d, n, Scale{scalar});
      break;
    case MapKernel::add:
      run_map(library, d, n, Add{scalar});
      break;
    case MapKernel::triad:
      run_map(library, d, n, Triad{scalar});
      break;
  }
  check(cudaDeviceSynchronize(), "map");
  if (verifying)
    check(cudaMemcpy(out, d.out, n * sizeof(double), cudaMemcpyDeviceToHost), "copy out");
}

void driver_copy(const double* x, const double* y, double* out, std::size_t n, bool verifying) {
  auto& d = device_for(x, y, n, verifying);
  if (verifying) check(cudaMemset(d.out, 0xff, n * sizeof(double)), "poison");
  if (n > 0)
    check(cudaMemcpy(d.out, d.x, n * sizeof(double), cudaMemcpyDeviceToDevice), "device copy");
  // A device-to-device cudaMemcpy may return before the copy is done.
  check(cudaDeviceSynchronize(), "device copy");
  if (verifying)
    check(cudaMemcpy(out, d.out, n * sizeof(double), cudaMemcpyDeviceToHost), "copy out");
}

double dot(Library library, const double* x, const double* y, std::size_t n, bool verifying) {
  auto& d = device_for(x, y, n, verifying);
  if (n == 0) return 0;
  if (library == Library::thrust)
    return thrust::inner_product(thrust::device, d.x, d.x + n, d.y, 0.0);
  check(cudaMemset(d.partial, 0, sizeof(double)), "reset");
  dot_kernel<<<blocks_for(n), kThreads>>>(d.x, d.y, n, d.partial);
  check(cudaGetLastError(), "dot kernel");
  double result = 0;
  check(cudaMemcpy(&result, d.partial, sizeof(double), cudaMemcpyDeviceToHost), "copy dot");
  return result;
}

}  // namespace idiombench::compute::stream::cuda
