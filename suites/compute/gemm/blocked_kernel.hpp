// A cache- and register-blocked dgemm in portable C++ (GCC/clang vector extensions),
// the way BLIS and GotoBLAS structure it: B is packed into KC x NR panels, A into
// MR x KC panels, and an MR x NR micro-kernel keeps its accumulators in registers for
// the whole KC loop. The tile is sized for the instruction set the file is built for:
// as many accumulators as the vector registers hold beside one row of B and a broadcast.
//
// Internal linkage on purpose: the files that include this are built with
// -march=native, and their copies must not be merged with others.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <span>

#include "aligned_buffer.hpp"

namespace idiombench::compute::gemm {
namespace {

#if defined(__AVX512F__)
// 32 zmm registers: 8 x 3 accumulators, 3 for B, 1 broadcast.
constexpr std::size_t kLanes = 8, kMR = 8, kNRVectors = 3;
#elif defined(__AVX__)
// 16 ymm registers: 6 x 2 accumulators, 2 for B, 1 broadcast (BLIS's Haswell tile).
constexpr std::size_t kLanes = 4, kMR = 6, kNRVectors = 2;
#elif defined(__aarch64__)
// 32 NEON registers of two doubles: 6 x 4 accumulators, 4 for B, 1 broadcast (the 6 x 8
// tile of BLIS's ARMv8 kernel).
constexpr std::size_t kLanes = 2, kMR = 6, kNRVectors = 4;
#else
// 16 xmm registers: 4 x 3 accumulators, 3 for B, 1 broadcast.
constexpr std::size_t kLanes = 2, kMR = 4, kNRVectors = 3;
#endif
constexpr std::size_t kNR = kLanes * kNRVectors;
// KC x NR of B stays in L1/L2 while MR-row panels of A stream past it; MC x KC of A
// fits in L2; KC x NC of B is the block every row panel of C shares.
constexpr std::size_t kKC = 256, kMC = 16 * kMR, kNC = 84 * kNR;
using vec = double __attribute__((vector_size(kLanes * sizeof(double))));
// clang splits 512-bit vectors in two on CPUs where it prefers 256-bit ones (Skylake-X),
// which doubles the accumulators past the register file; this keeps them whole.
#if defined(__clang__) && defined(__AVX512F__)
#define IDIOMBENCH_WHOLE_VECTORS __attribute__((min_vector_width(512)))
#else
#define IDIOMBENCH_WHOLE_VECTORS
#endif

// Rows [i0, i0 + mc) x columns [k0, k0 + kc) of A, as MR-row panels (zero-padded).
inline void pack_a(const double* a, std::size_t n, std::size_t i0, std::size_t mc, std::size_t k0,
                   std::size_t kc, double* packed) {
  for (std::size_t p = 0; p < mc; p += kMR) {
    for (std::size_t k = 0; k < kc; ++k) {
      for (std::size_t r = 0; r < kMR; ++r) {
        *packed++ = p + r < mc ? a[(i0 + p + r) * n + k0 + k] : 0.0;
      }
    }
  }
}

// Rows [k0, k0 + kc) x columns [j, j + cols) of B as one NR-column panel (zero-padded).
inline void pack_b_panel(const double* b, std::size_t n, std::size_t k0, std::size_t kc,
                         std::size_t j, std::size_t cols, double* packed) {
  for (std::size_t k = 0; k < kc; ++k) {
    const double* row = b + (k0 + k) * n + j;
    for (std::size_t col = 0; col < kNR; ++col) *packed++ = col < cols ? row[col] : 0.0;
  }
}

// Columns [j0, j0 + nc) of B's rows [k0, k0 + kc): panel q starts at packed + q * kc.
inline void pack_b(const double* b, std::size_t n, std::size_t k0, std::size_t kc, std::size_t j0,
                   std::size_t nc, double* packed) {
  for (std::size_t q = 0; q < nc; q += kNR) {
    pack_b_panel(b, n, k0, kc, j0 + q, std::min(kNR, nc - q), packed + q * kc);
  }
}

// C[rows x cols] (+)= A panel (kc x MR) * B panel (kc x NR); `accumulate` false on the
// first KC block, which overwrites C (so C is never cleared in a pass of its own).
// Every index into the accumulators is a constant once the loops are unrolled, so they
// live in registers (a run-time index would put them on the stack).
IDIOMBENCH_WHOLE_VECTORS inline void micro_kernel(std::size_t kc, const double* a, const double* b,
                                                  double* c, std::size_t n, std::size_t rows,
                                                  std::size_t cols, bool accumulate) {
  vec acc[kMR][kNRVectors] = {};
  for (std::size_t k = 0; k < kc; ++k) {
    vec bv[kNRVectors];
#pragma GCC unroll 4
    for (std::size_t v = 0; v < kNRVectors; ++v)
      std::memcpy(&bv[v], b + k * kNR + v * kLanes, sizeof(vec));
#pragma GCC unroll 16
    for (std::size_t r = 0; r < kMR; ++r) {
      const double x = a[k * kMR + r];
#pragma GCC unroll 4
      for (std::size_t v = 0; v < kNRVectors; ++v) acc[r][v] += x * bv[v];
    }
  }
  if (rows == kMR && cols == kNR) {
#pragma GCC unroll 16
    for (std::size_t r = 0; r < kMR; ++r) {
#pragma GCC unroll 4
      for (std::size_t v = 0; v < kNRVectors; ++v) {
        double* at = c + r * n + v * kLanes;
        vec sum = acc[r][v];
        if (accumulate) {
          vec old;
          std::memcpy(&old, at, sizeof(vec));
          sum += old;
        }
        std::memcpy(at, &sum, sizeof(vec));
      }
    }
    return;
  }
  // An edge tile: through memory, element by element.
  alignas(64) double tile[kMR][kNR];
#pragma GCC unroll 16
  for (std::size_t r = 0; r < kMR; ++r) {
#pragma GCC unroll 4
    for (std::size_t v = 0; v < kNRVectors; ++v)
      std::memcpy(&tile[r][v * kLanes], &acc[r][v], sizeof(vec));
  }
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t col = 0; col < cols; ++col) {
      double& out = c[r * n + col];
      out = accumulate ? out + tile[r][col] : tile[r][col];
    }
  }
}

// This thread's packing buffer for A, on cache-line boundaries.
inline std::span<double> packed_a_buffer() {
  thread_local AlignedBuffer storage(kMC * kKC, 0);
  return storage.span();
}

// Rows [row_begin, row_end) of C, for the block of B (rows k0.., columns j0..) already
// packed in packed_b by pack_b.
inline void multiply_packed_block(const double* a, const double* packed_b, double* c, std::size_t n,
                                  std::size_t k0, std::size_t kc, std::size_t j0, std::size_t nc,
                                  std::size_t row_begin, std::size_t row_end) {
  const std::span<double> packed_a = packed_a_buffer();
  for (std::size_t i0 = row_begin; i0 < row_end; i0 += kMC) {
    const std::size_t mc = std::min(kMC, row_end - i0);
    pack_a(a, n, i0, mc, k0, kc, packed_a.data());
    for (std::size_t q = 0; q < nc; q += kNR) {
      for (std::size_t p = 0; p < mc; p += kMR) {
        micro_kernel(kc, packed_a.data() + p * kc, packed_b + q * kc, c + (i0 + p) * n + j0 + q, n,
                     std::min(kMR, mc - p), std::min(kNR, nc - q), k0 > 0);
      }
    }
  }
}

// The size of the buffer one packed block of B needs.
constexpr std::size_t packed_b_size = kKC * (kNC + kNR);

// C = A * B on one thread.
inline void gemm_serial(const double* a, const double* b, double* c, std::size_t n) {
  thread_local AlignedBuffer packed_b_storage(packed_b_size, 0);
  double* packed_b = packed_b_storage.span().data();
  for (std::size_t j0 = 0; j0 < n; j0 += kNC) {
    const std::size_t nc = std::min(kNC, n - j0);
    for (std::size_t k0 = 0; k0 < n; k0 += kKC) {
      const std::size_t kc = std::min(kKC, n - k0);
      pack_b(b, n, k0, kc, j0, nc, packed_b);
      multiply_packed_block(a, packed_b, c, n, k0, kc, j0, nc, 0, n);
    }
  }
}

}  // namespace
}  // namespace idiombench::compute::gemm
