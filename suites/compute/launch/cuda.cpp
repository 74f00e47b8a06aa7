// compute launch/cuda: an empty-bodied kernel<<<1, 1>>> and cudaDeviceSynchronize.
#include <string>

#include "launch/case.hpp"

#ifdef IDIOMBENCH_HAVE_CUDA
#include "stream/cuda_api.hpp"
#endif

namespace idiombench::compute::launch {
namespace {

#ifdef IDIOMBENCH_HAVE_CUDA
int cuda_launch(const Token& t, Context& ctx) {
  return stream::cuda::launch(t.value, ctx.verifying());
}
std::string why_unavailable() {
  return stream::cuda::why_unavailable();
}
#else
int cuda_launch(const Token& t, Context&) {
  return t.value;
}
std::string why_unavailable() {
  return "built without CUDA (no nvcc found at configure time)";
}
#endif

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "cuda", .model = "cuda", .run = cuda_launch, .why_unavailable = why_unavailable});

}  // namespace
}  // namespace idiombench::compute::launch
