// The STREAM kernels, written once. Each map kernel is out[i] = op(x[i], y[i]):
//   copy  c = a        out = x
//   scale b = s*c      out = s*x
//   add   c = a + b    out = x + y
//   triad a = b + s*c  out = x + s*y
// and dot is sum(x[i] * y[i]). Every execution model runs these same functors; the
// reference runs them on long double.
#pragma once

#include <cstddef>

namespace idiombench::compute::stream {
// Each execution model's file is compiled with its own flags (vectorisation off,
// -march=native, OpenMP...). Code shared through headers must therefore not be merged
// by the linker across those files (one inline definition would silently replace the
// others): the kernels have internal linkage, one copy per file.
namespace {

struct Copy {
  static constexpr const char* name = "copy";
  // 8-byte words read and written per element (STREAM counts both, not the
  // write-allocate read of the output a cache may add), and flops per element.
  static constexpr int reads = 1, writes = 1;
  static constexpr int flops = 0;
  double scalar;
  template <class T>
  constexpr T operator()(T x, T) const {
    return x;
  }
};

struct Scale {
  static constexpr const char* name = "scale";
  static constexpr int reads = 1, writes = 1;
  static constexpr int flops = 1;
  double scalar;
  template <class T>
  constexpr T operator()(T x, T) const {
    return scalar * x;
  }
};

struct Add {
  static constexpr const char* name = "add";
  static constexpr int reads = 2, writes = 1;
  static constexpr int flops = 1;
  double scalar;
  template <class T>
  constexpr T operator()(T x, T y) const {
    return x + y;
  }
};

struct Triad {
  static constexpr const char* name = "triad";
  static constexpr int reads = 2, writes = 1;
  static constexpr int flops = 2;
  double scalar;
  template <class T>
  constexpr T operator()(T x, T y) const {
    return x + scalar * y;
  }
};

// (operator() is constexpr so that device code may call it too: the kokkos_cuda unit
// builds with nvcc's --expt-relaxed-constexpr.)

// The serial loops; the parallel models run them over their share of the range.
// `omp simd` (honoured where the file is built with -fopenmp-simd) states what a
// vectorising expert knows: the arrays do not overlap, and the sum may be reassociated.
template <class Op>
inline void map_range(const double* x, const double* y, double* out, std::size_t begin,
                      std::size_t end, Op op) {
#pragma omp simd
  for (std::size_t i = begin; i < end; ++i) out[i] = op(x[i], y[i]);
}

inline double dot_range(const double* x, const double* y, std::size_t begin, std::size_t end) {
  double sum = 0;
#pragma omp simd reduction(+ : sum)
  for (std::size_t i = begin; i < end; ++i) sum += x[i] * y[i];
  return sum;
}

}  // namespace
}  // namespace idiombench::compute::stream
