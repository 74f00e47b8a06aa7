// compute stream/simd: explicit SIMD with xsimd, dispatched at run time to the best
// instruction set this CPU has among AVX-512, AVX2+FMA and SSE2 on x86-64, NEON on
// aarch64 (each compiled in its own file), whatever the build's -march.
#include "idiombench/backend.hpp"
#include "stream/case.hpp"
#include "stream/simd_kernels.hpp"

namespace idiombench::compute::stream {
namespace {

// The instruction set xsimd::dispatch picks on this CPU: the first of `Archs` (best first)
// whose version the CPU's best reaches, as its dispatcher walks them.
template <class Arch, class... Rest>
std::string dispatched(xsimd::arch_list<Arch, Rest...>, unsigned best) {
  if constexpr (sizeof...(Rest) == 0) {
    return Arch::name();
  } else {
    return Arch::version() <= best ? Arch::name() : dispatched(xsimd::arch_list<Rest...>{}, best);
  }
}

template <class... Arch>
std::string compiled(xsimd::arch_list<Arch...>) {
  std::string names;
  ((names += (names.empty() ? "" : ", ") + std::string(Arch::name())), ...);
  return names;
}

// Which kernels the simd variants run here, in `info` and in every run of the simd model:
// what a hardware comparison needs to read their figures.
BackendStatus probe_xsimd() {
  return {.available = true,
          .details = {
              {"instruction set", dispatched(simd::Archs{}, xsimd::available_architectures().best)},
              {"compiled", compiled(simd::Archs{})}}};
}

[[maybe_unused]] const auto declared =
    declare_backend({.name = "xsimd", .probe = probe_xsimd, .models = {"simd"}});

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
