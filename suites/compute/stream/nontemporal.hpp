// A map kernel with non-temporal (streaming) stores: the output's cache lines are
// written around the caches instead of being read first (no read-for-ownership), so
// beyond the last-level cache more of the memory bus carries the bytes STREAM counts.
// Inside the caches the same stores are a loss: every line goes to memory.
#pragma once

#include <emmintrin.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace idiombench::compute::stream {
namespace {  // internal linkage: see kernels.hpp

template <class Op>
void map_range_nontemporal(const double* x, const double* y, double* out, std::size_t begin,
                           std::size_t end, Op op) {
  std::size_t i = begin;
  // _mm_stream_pd needs a 16-byte aligned destination; a shifted array peels one element.
  for (; i < end && reinterpret_cast<std::uintptr_t>(out + i) % 16 != 0; ++i)
    out[i] = op(x[i], y[i]);
  for (; i + 2 <= end; i += 2) _mm_stream_pd(out + i, op(_mm_loadu_pd(x + i), _mm_loadu_pd(y + i)));
  for (; i < end; ++i) out[i] = op(x[i], y[i]);
  // Streaming stores are weakly ordered: fence before anyone else reads the output.
  _mm_sfence();
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
