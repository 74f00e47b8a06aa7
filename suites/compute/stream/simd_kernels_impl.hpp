// The bodies of the xsimd kernels, included once per instruction set by simd_<isa>.cpp.
#pragma once

#include "stream/kernels.hpp"
#include "stream/simd_kernels.hpp"

namespace idiombench::compute::stream::simd {
namespace {

// Full batches, unaligned loads and stores (the input may start off alignment), then
// the remainder element by element. The same Op functors as every other model.
template <class Arch, class Op>
void map_batches(const double* x, const double* y, double* out, std::size_t n, Op op) {
  using batch = xsimd::batch<double, Arch>;
  constexpr std::size_t width = batch::size;
  std::size_t i = 0;
  for (; i + width <= n; i += width) {
    op(batch::load_unaligned(x + i), batch::load_unaligned(y + i)).store_unaligned(out + i);
  }
  for (; i < n; ++i) out[i] = op(x[i], y[i]);
}

}  // namespace

template <class Arch>
void MapKernel::operator()(Arch, Map which, const double* x, const double* y, double* out,
                           std::size_t n, double scalar) const {
  switch (which) {
    case Map::copy:
      return map_batches<Arch>(x, y, out, n, Copy{scalar});
    case Map::scale:
      return map_batches<Arch>(x, y, out, n, Scale{scalar});
    case Map::add:
      return map_batches<Arch>(x, y, out, n, Add{scalar});
    case Map::triad:
      return map_batches<Arch>(x, y, out, n, Triad{scalar});
  }
}

// Four independent accumulators hide the latency of the fused multiply-adds.
template <class Arch>
double DotKernel::operator()(Arch, const double* x, const double* y, std::size_t n) const {
  using batch = xsimd::batch<double, Arch>;
  constexpr std::size_t width = batch::size;
  batch s0(0.0), s1(0.0), s2(0.0), s3(0.0);
  std::size_t i = 0;
  for (; i + 4 * width <= n; i += 4 * width) {
    s0 = xsimd::fma(batch::load_unaligned(x + i), batch::load_unaligned(y + i), s0);
    s1 = xsimd::fma(batch::load_unaligned(x + i + width), batch::load_unaligned(y + i + width), s1);
    s2 = xsimd::fma(batch::load_unaligned(x + i + 2 * width),
                    batch::load_unaligned(y + i + 2 * width), s2);
    s3 = xsimd::fma(batch::load_unaligned(x + i + 3 * width),
                    batch::load_unaligned(y + i + 3 * width), s3);
  }
  for (; i + width <= n; i += width) {
    s0 = xsimd::fma(batch::load_unaligned(x + i), batch::load_unaligned(y + i), s0);
  }
  double sum = xsimd::hadd((s0 + s1) + (s2 + s3));
  for (; i < n; ++i) sum += x[i] * y[i];
  return sum;
}

}  // namespace idiombench::compute::stream::simd
