// aos_vs_soa/soa_loop: a loop over the struct of arrays: each field contiguous, so a
// loop reads only the fields it needs and vectorises with plain loads.
#include "aos_vs_soa/case.hpp"

namespace idiombench::binary_data::aos_vs_soa {
namespace {

double soa_loop(const Input& in) {
  auto& s = in.soa;
  double sum = 0;
  if (in.op == Operation::sum_mass) {
    const double* mass = s.mass.data();
#pragma omp simd reduction(+ : sum)
    for (std::size_t i = 0; i < in.n; ++i) sum += mass[i];
  } else {
    double *px = s.px.data(), *py = s.py.data();
    const double *vx = s.vx.data(), *vy = s.vy.data();
#pragma omp simd reduction(+ : sum)
    for (std::size_t i = 0; i < in.n; ++i) {
      px[i] = vx[i] * time_step;
      py[i] = vy[i] * time_step;
      sum += px[i] + py[i];
    }
  }
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(layout_variant("soa_loop", Layout::soa, soa_loop));

}  // namespace
}  // namespace idiombench::binary_data::aos_vs_soa
