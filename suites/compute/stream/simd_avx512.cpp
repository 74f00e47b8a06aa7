// The xsimd STREAM kernels for xsimd::avx512f, in a file built with its flags.
#include "stream/simd_kernels_impl.hpp"

namespace idiombench::compute::stream::simd {

template void MapKernel::operator()<xsimd::avx512f>(xsimd::avx512f, Map, const double*,
                                                    const double*, double*, std::size_t,
                                                    double) const;
template double DotKernel::operator()<xsimd::avx512f>(xsimd::avx512f, const double*, const double*,
                                                      std::size_t) const;

}  // namespace idiombench::compute::stream::simd
