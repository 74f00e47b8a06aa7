// compute dot/cublas and gemm/cublas: cuBLAS on a CUDA device, what a GPU user would
// call. Built when nvcc is found; skipped with the runtime's reason without a device.
#include <string>

#include "gemm/case.hpp"
#include "stream/case.hpp"

#ifdef IDIOMBENCH_HAVE_CUDA
#include "cublas_api.hpp"
#endif

namespace idiombench::compute {
namespace {

#ifdef IDIOMBENCH_HAVE_CUDA
std::string why_unavailable() {
  return cublas::why_unavailable();
}

double dot(const stream::Arrays& a, Context& ctx) {
  return cublas::dot(a.x.data(), a.y.data(), a.x.size(), ctx.verifying());
}

gemm::View matrix_product(const gemm::Matrices& m, Context& ctx) {
  cublas::gemm(m.a.data(), m.b.data(), m.c.data(), m.n, ctx.verifying());
  return m.c;
}
#else
std::string why_unavailable() {
  return "built without CUDA (no nvcc found at configure time)";
}
double dot(const stream::Arrays&, Context&) {
  return 0;
}
gemm::View matrix_product(const gemm::Matrices& m, Context&) {
  return m.c;
}
#endif

[[maybe_unused]] const auto registered = {
    stream::dot_case().add_variant(
        {.name = "cublas", .model = "cuda", .run = dot, .why_unavailable = why_unavailable}),
    gemm::the_case().add_variant({.name = "cublas",
                                  .model = "cuda",
                                  .run = matrix_product,
                                  .why_unavailable = why_unavailable}),
};

}  // namespace
}  // namespace idiombench::compute
