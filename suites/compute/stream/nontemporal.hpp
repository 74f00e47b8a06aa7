// A map kernel with non-temporal (streaming) stores: the output's cache lines are
// written around the caches instead of being read first (no read-for-ownership), so
// beyond the last-level cache more of the memory bus carries the bytes STREAM counts.
// Inside the caches the same stores are a loss: every line goes to memory. (On Arm the
// instruction, stnp, is a hint the core may ignore: Neoverse cores also detect streaming
// writes by themselves, so there the variant may match the plain one.)
#pragma once

#if defined(__x86_64__)
#include <emmintrin.h>
#elif defined(__aarch64__)
#include <arm_neon.h>
#else
#error "non-temporal stores are written for x86-64 (movntpd) and aarch64 (stnp) only"
#endif

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace idiombench::compute::stream {
namespace {  // internal linkage: see kernels.hpp

template <class Op>
void map_range_nontemporal(const double* x, const double* y, double* out, std::size_t begin,
                           std::size_t end, Op op) {
  std::size_t i = begin;
#if defined(__x86_64__)
  // _mm_stream_pd (movntpd) needs a 16-byte aligned destination; a shifted array peels one
  // element.
  for (; i < end && reinterpret_cast<std::uintptr_t>(out + i) % 16 != 0; ++i)
    out[i] = op(x[i], y[i]);
  for (; i + 2 <= end; i += 2) _mm_stream_pd(out + i, op(_mm_loadu_pd(x + i), _mm_loadu_pd(y + i)));
  for (; i < end; ++i) out[i] = op(x[i], y[i]);
  // Streaming stores are weakly ordered: fence before anyone else reads the output.
  _mm_sfence();
#else
  // stnp: a pair of 16-byte registers stored with a hint that the lines will not be read
  // again soon (no C intrinsic exists). Any alignment works; at 32 bytes no store splits a
  // cache line. Arm stores are weakly ordered anyway: the join that ends the parallel
  // region orders them, as it does the plain stores.
  for (; i < end && reinterpret_cast<std::uintptr_t>(out + i) % 32 != 0; ++i)
    out[i] = op(x[i], y[i]);
  for (; i + 4 <= end; i += 4) {
    const float64x2_t low = op(vld1q_f64(x + i), vld1q_f64(y + i));
    const float64x2_t high = op(vld1q_f64(x + i + 2), vld1q_f64(y + i + 2));
    asm volatile("stnp %q1, %q2, %0"
                 : "=Q"(*reinterpret_cast<double(*)[4]>(out + i))
                 : "w"(low), "w"(high));
  }
  for (; i < end; ++i) out[i] = op(x[i], y[i]);
#endif
}

// Thread `me` of `team`'s contiguous share of [0, n), cut at cache-line (8-element)
// multiples so that no two threads write parts of one line.
struct Share {
  std::size_t begin, end;
};
inline Share line_aligned_share(std::size_t n, std::size_t team, std::size_t me) {
  const std::size_t size = ((n + team - 1) / team + 7) / 8 * 8;
  const std::size_t begin = std::min(n, me * size);
  return {begin, std::min(n, begin + size)};
}

}  // namespace
}  // namespace idiombench::compute::stream
