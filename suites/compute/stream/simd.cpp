// compute stream/simd: explicit SIMD with xsimd, dispatched at run time to the best
// instruction set this CPU has among AVX-512, AVX2+FMA and SSE2 (each compiled in its
// own file), whatever the build's -march.
#include "stream/case.hpp"
#include "stream/simd_kernels.hpp"

namespace idiombench::compute::stream {
namespace {

simd::Map which(Copy) {
  return simd::Map::copy;
}
simd::Map which(Scale) {
  return simd::Map::scale;
}
simd::Map which(Add) {
  return simd::Map::add;
}
simd::Map which(Triad) {
  return simd::Map::triad;
}

struct ExplicitSimd {
  template <class Op>
  static void map(const Arrays& a, Op op, Launch) {
    static auto kernel = xsimd::dispatch<simd::Archs>(simd::MapKernel{});
    kernel(which(op), a.x.data(), a.y.data(), a.out.data(), a.out.size(), op.scalar);
  }
  static double dot(const Arrays& a, Launch) {
    static auto kernel = xsimd::dispatch<simd::Archs>(simd::DotKernel{});
    return kernel(a.x.data(), a.y.data(), a.x.size());
  }
};

[[maybe_unused]] const auto registered = register_stream_variant<ExplicitSimd>("simd", "simd");

}  // namespace
}  // namespace idiombench::compute::stream
