// cuBLAS behind a plain interface (built by nvcc as C++17, called from C++20 files).
// Device buffers are filled on the first call for an input (the untimed verification
// run, or whenever `refresh` is set) and reused by the timed runs.
#pragma once

#include <cstddef>
#include <string>

namespace idiombench::compute::cublas {

// Empty when cuBLAS can run here; otherwise why not.
std::string why_unavailable();
double dot(const double* x, const double* y, std::size_t n, bool refresh);
// C = A * B for row-major n x n matrices; C is copied back when `verifying`.
void gemm(const double* a, const double* b, double* c, std::size_t n, bool verifying);

}  // namespace idiombench::compute::cublas
