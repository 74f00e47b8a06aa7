// A cache- and register-blocked dgemm in portable C++ (GCC/clang vector extensions),
// the way BLIS and GotoBLAS structure it: B is packed into KC x NR panels that stay in
// L2, A into MR x KC panels in L1, and a 4 x 16 micro-kernel keeps its 8 accumulator
// vectors in registers for the whole KC loop.
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

constexpr std::size_t kMR = 4, kNR = 16, kKC = 256, kMC = 128, kNC = 2048;
using vec8 = double __attribute__((vector_size(64)));

// Rows [i0, i0 + mc) x columns [k0, k0 + kc) of A, as MR-row panels (zero-padded).
void pack_a(const double* a, std::size_t n, std::size_t i0, std::size_t mc, std::size_t k0,
            std::size_t kc, double* packed) {
  for (std::size_t p = 0; p < mc; p += kMR) {
    for (std::size_t k = 0; k < kc; ++k) {
      for (std::size_t r = 0; r < kMR; ++r) {
        *packed++ = p + r < mc ? a[(i0 + p + r) * n + k0 + k] : 0.0;
      }
    }
  }
}

// Rows [k0, k0 + kc) x columns [j0, j0 + nc) of B, as NR-column panels (zero-padded).
void pack_b(const double* b, std::size_t n, std::size_t k0, std::size_t kc, std::size_t j0,
            std::size_t nc, double* packed) {
  for (std::size_t q = 0; q < nc; q += kNR) {
    for (std::size_t k = 0; k < kc; ++k) {
      for (std::size_t col = 0; col < kNR; ++col) {
        *packed++ = q + col < nc ? b[(k0 + k) * n + j0 + q + col] : 0.0;
      }
    }
  }
}

// C[rows x cols] += A panel (kc x MR) * B panel (kc x NR).
void micro_kernel(std::size_t kc, const double* a, const double* b, double* c, std::size_t n,
                  std::size_t rows, std::size_t cols) {
  vec8 acc[kMR][2] = {};
  for (std::size_t k = 0; k < kc; ++k) {
    vec8 b0, b1;
    std::memcpy(&b0, b + k * kNR, sizeof b0);
    std::memcpy(&b1, b + k * kNR + 8, sizeof b1);
    for (std::size_t r = 0; r < kMR; ++r) {
      const double x = a[k * kMR + r];
      acc[r][0] += x * b0;
      acc[r][1] += x * b1;
    }
  }
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t col = 0; col < cols; ++col) c[r * n + col] += acc[r][col / 8][col % 8];
  }
}

// C rows [row_begin, row_end) = A * B, with this thread's packing buffers.
void gemm_rows(const double* a, const double* b, double* c, std::size_t n, std::size_t row_begin,
               std::size_t row_end) {
  // Panels on cache-line boundaries: the micro-kernel's 64-byte loads of B must not
  // straddle two lines (malloc's 16-byte alignment made every one of them do so).
  thread_local AlignedBuffer packed_a_storage(kMC * kKC, 0), packed_b_storage(kKC * (kNC + kNR), 0);
  const std::span<double> packed_a = packed_a_storage.span(), packed_b = packed_b_storage.span();
  for (std::size_t i = row_begin; i < row_end; ++i) std::fill_n(c + i * n, n, 0.0);
  for (std::size_t j0 = 0; j0 < n; j0 += kNC) {
    const std::size_t nc = std::min(kNC, n - j0);
    for (std::size_t k0 = 0; k0 < n; k0 += kKC) {
      const std::size_t kc = std::min(kKC, n - k0);
      pack_b(b, n, k0, kc, j0, nc, packed_b.data());
      for (std::size_t i0 = row_begin; i0 < row_end; i0 += kMC) {
        const std::size_t mc = std::min(kMC, row_end - i0);
        pack_a(a, n, i0, mc, k0, kc, packed_a.data());
        for (std::size_t q = 0; q < nc; q += kNR) {
          for (std::size_t p = 0; p < mc; p += kMR) {
            micro_kernel(kc, packed_a.data() + p * kc, packed_b.data() + q * kc,
                         c + (i0 + p) * n + j0 + q, n, std::min(kMR, mc - p),
                         std::min(kNR, nc - q));
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace idiombench::compute::gemm
