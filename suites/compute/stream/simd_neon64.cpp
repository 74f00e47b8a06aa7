// The xsimd STREAM kernels for xsimd::neon64 (AArch64 Advanced SIMD, two doubles a
// register), the instruction set every 64-bit Arm core has.
#include "stream/simd_kernels_impl.hpp"

namespace idiombench::compute::stream::simd {

template void MapKernel::operator()<xsimd::neon64>(xsimd::neon64, Map, const double*, const double*,
                                                   double*, std::size_t, double) const;
template double DotKernel::operator()<xsimd::neon64>(xsimd::neon64, const double*, const double*,
                                                     std::size_t) const;

}  // namespace idiombench::compute::stream::simd
