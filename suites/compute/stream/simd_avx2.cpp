// The xsimd STREAM kernels for xsimd::fma3<xsimd::avx2>, in a file built with its flags.
#include "stream/simd_kernels_impl.hpp"

namespace idiombench::compute::stream::simd {

template void MapKernel::operator()<xsimd::fma3<xsimd::avx2>>(xsimd::fma3<xsimd::avx2>, Map,
                                                              const double*, const double*, double*,
                                                              std::size_t, double) const;
template double DotKernel::operator()<xsimd::fma3<xsimd::avx2>>(xsimd::fma3<xsimd::avx2>,
                                                                const double*, const double*,
                                                                std::size_t) const;

}  // namespace idiombench::compute::stream::simd
