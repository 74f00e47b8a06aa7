// The CUDA side of the STREAM kernels, behind a plain interface so that the nvcc-built
// file needs none of the C++20 harness headers. Device buffers are allocated on the
// first call for a given input (the untimed verification run) and reused.
#pragma once

#include <cstddef>
#include <string>

namespace idiombench::compute::stream::cuda {

enum class MapKernel { copy, scale, add, triad };
enum class Library { hand_written, thrust };

// Empty when a CUDA device can be used; otherwise why not ("no CUDA device: ...").
std::string why_unavailable();

// out = op(x, y) on the device. With `verifying`, the device output is poisoned
// first and copied back into `out` afterwards.
void map(Library library, MapKernel kernel, const double* x, const double* y, double* out,
         std::size_t n, double scalar, bool verifying);
// out = x by the driver's device-to-device cudaMemcpy: the device's own copy bandwidth.
void driver_copy(const double* x, const double* y, double* out, std::size_t n, bool verifying);
// One kernel launch that stores `token` on the device, and the wait for it (the cost
// under every small-n row). Returns the token as the device stored it when verifying.
int launch(int token, bool verifying);
double dot(Library library, const double* x, const double* y, std::size_t n, bool verifying);

}  // namespace idiombench::compute::stream::cuda
