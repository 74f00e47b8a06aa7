// The explicit-SIMD (xsimd) STREAM kernels, one instantiation per instruction set, each
// in a file built with that instruction set's flags; simd.cpp picks the best one the
// running CPU supports (xsimd::dispatch).
#pragma once

#include <xsimd/xsimd.hpp>

#include <cstddef>

namespace idiombench::compute::stream::simd {

enum class Map { copy, scale, add, triad };

struct MapKernel {
  template <class Arch>
  void operator()(Arch, Map which, const double* x, const double* y, double* out, std::size_t n,
                  double scalar) const;
};

struct DotKernel {
  template <class Arch>
  double operator()(Arch, const double* x, const double* y, std::size_t n) const;
};

#define IDIOMBENCH_SIMD_DECLARE(ARCH)                                                       \
  extern template void MapKernel::operator()<ARCH>(ARCH, Map, const double*, const double*, \
                                                   double*, std::size_t, double) const;     \
  extern template double DotKernel::operator()<ARCH>(ARCH, const double*, const double*,    \
                                                     std::size_t) const;
// The instruction sets compiled in, best first (each in its own simd_<isa>.cpp).
#if defined(__x86_64__)
using Archs = xsimd::arch_list<xsimd::avx512f, xsimd::fma3<xsimd::avx2>, xsimd::sse2>;
IDIOMBENCH_SIMD_DECLARE(xsimd::avx512f)
IDIOMBENCH_SIMD_DECLARE(xsimd::fma3<xsimd::avx2>)
IDIOMBENCH_SIMD_DECLARE(xsimd::sse2)
#elif defined(__aarch64__)
using Archs = xsimd::arch_list<xsimd::neon64>;
IDIOMBENCH_SIMD_DECLARE(xsimd::neon64)
#else
#error "the simd variants have kernels for x86-64 and aarch64 only"
#endif
#undef IDIOMBENCH_SIMD_DECLARE

}  // namespace idiombench::compute::stream::simd
