// compute gemm/blocked: the packed, register-blocked kernel of blocked_kernel.hpp on one
// thread, built for this machine's ISA.
#include "gemm/blocked_kernel.hpp"
#include "gemm/case.hpp"

namespace idiombench::compute::gemm {
namespace {

View blocked(const Matrices& m) {
  gemm_serial(m.a.data(), m.b.data(), m.c.data(), m.n);
  return m.c;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "blocked", .model = "simd", .run = blocked});

}  // namespace
}  // namespace idiombench::compute::gemm
