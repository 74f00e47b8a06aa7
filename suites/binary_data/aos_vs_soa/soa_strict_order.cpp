// aos_vs_soa/soa_strict_order: soa_loop without the `omp simd` request — the loop most
// code has. The sum must then be added in order (floating-point addition is not
// associative), which keeps the reduction scalar: the layout alone does not vectorise it.
#include "aos_vs_soa/case.hpp"

namespace idiombench::binary_data::aos_vs_soa {
namespace {

double soa_strict_order(const Input& in) {
  auto& s = in.soa;
  double sum = 0;
  if (in.op == Operation::sum_mass) {
    for (std::size_t i = 0; i < in.n; ++i) sum += s.mass[i];
  } else {
    for (std::size_t i = 0; i < in.n; ++i) {
      s.px[i] = s.vx[i] * time_step;
      s.py[i] = s.vy[i] * time_step;
      sum += s.px[i] + s.py[i];
    }
  }
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(layout_variant("soa_strict_order", Layout::soa, soa_strict_order));

}  // namespace
}  // namespace idiombench::binary_data::aos_vs_soa
