// aos_vs_soa/aosoa_loop: blocks of 8 particles, each field's 8 values side by side (one
// 64-byte line per double field): the SoA's vector-friendly inner loop with the AoS's
// locality — one block's fields are near each other. The padding lanes of the last
// block have zero mass and velocity, so they add nothing.
#include "aos_vs_soa/case.hpp"

namespace idiombench::binary_data::aos_vs_soa {
namespace {

double aosoa_loop(const Input& in) {
  Block* blocks = in.aosoa.data();
  std::size_t count = in.aosoa.size();
  double sum = 0;
  if (in.op == Operation::sum_mass) {
    for (std::size_t b = 0; b < count; ++b) {
#pragma omp simd reduction(+ : sum)
      for (std::size_t k = 0; k < block; ++k) sum += blocks[b].mass[k];
    }
  } else {
    for (std::size_t b = 0; b < count; ++b) {
      Block& q = blocks[b];
#pragma omp simd reduction(+ : sum)
      for (std::size_t k = 0; k < block; ++k) {
        q.px[k] = q.vx[k] * time_step;
        q.py[k] = q.vy[k] * time_step;
        sum += q.px[k] + q.py[k];
      }
    }
  }
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(layout_variant("aosoa_loop", Layout::aosoa, aosoa_loop));

}  // namespace
}  // namespace idiombench::binary_data::aos_vs_soa
