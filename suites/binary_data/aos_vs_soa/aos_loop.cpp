// aos_vs_soa/aos_loop: a loop over the array of structs. Summing the mass touches one
// double in every 56 bytes, so beyond the cache it pays for 7x the bytes it uses.
// `omp simd reduction` lets the sum be reassociated, as in every layout's loop here.
#include "aos_vs_soa/case.hpp"

namespace idiombench::binary_data::aos_vs_soa {
namespace {

double aos_loop(const Input& in) {
  Particle* p = in.aos.data();
  double sum = 0;
  if (in.op == Operation::sum_mass) {
#pragma omp simd reduction(+ : sum)
    for (std::size_t i = 0; i < in.n; ++i) sum += p[i].mass;
  } else {
#pragma omp simd reduction(+ : sum)
    for (std::size_t i = 0; i < in.n; ++i) {
      p[i].px = p[i].vx * time_step;
      p[i].py = p[i].vy * time_step;
      sum += p[i].px + p[i].py;
    }
  }
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(layout_variant("aos_loop", Layout::aos, aos_loop));

}  // namespace
}  // namespace idiombench::binary_data::aos_vs_soa
