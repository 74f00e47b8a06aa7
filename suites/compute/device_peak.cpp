// compute/device_peak: a CUDA device's own memory bandwidth, measured in the same run two
// ways, the driver's device-to-device copy and a vectorised read-write kernel (double2
// loads and stores): with every device variant beyond L2, the best of them is the limit
// the cuda and kokkos_cuda variants' fraction_of_peak is taken against (the host's
// compute/peak says nothing about a GPU's memory). The device's theoretical figure is in
// the cuda backend's details.
#include <string>

#include "device_sizes.hpp"
#include "stream/case.hpp"

#ifdef IDIOMBENCH_HAVE_CUDA
#include "stream/cuda_api.hpp"
#endif

namespace idiombench::compute::stream {

Case<Arrays, View, std::vector<double>>& device_peak_case() {
  static auto& c =
      define_case<Arrays, View, std::vector<double>>({
          .name = "device_peak",
          .question = "What bandwidth does a CUDA device's memory deliver to the driver's own "
                      "device-to-device copy and to a vectorised copy kernel, the limit the GPU "
                      "variants are measured against?",
          .make_input = make_arrays,
          .reference = map_reference<Copy>,
          .equivalence = within<View, std::vector<double>>(0),
          // At least 256 MiB and 4x the device's L2 per array, in both profiles.
          .quick = {integer_axis("n", {elements_beyond_device_l2(memory_floor(true))})},
          .full = {integer_axis("n", {elements_beyond_device_l2(memory_floor(true))})},
          .conformance = {{{"n", 0}}, {{"n", 1}}, {{"n", 17}}, {{"n", 1000003}, {"offset", 1}}},
          .throughput =
              [](const Params& p) {
                auto n = static_cast<double>(p.integer("n"));
                return Throughput{.items = n,
                                  .bytes_read = n * Copy::reads * sizeof(double),
                                  .bytes_written = n * Copy::writes * sizeof(double)};
              },
          .item = "element",
          .baseline = "cuda_memcpy",
          .before_verification = poison,
      });
  return c;
}

namespace {

#ifdef IDIOMBENCH_HAVE_CUDA
View driver_copy(const Arrays& a, Context& ctx) {
  cuda::driver_copy(a.x.data(), a.y.data(), a.out.data(), a.out.size(), ctx.verifying());
  return a.out;
}
View copy_kernel(const Arrays& a, Context& ctx) {
  cuda::map(cuda::Library::hand_written, cuda::MapKernel::copy, a.x.data(), a.y.data(),
            a.out.data(), a.out.size(), a.scalar, ctx.verifying());
  return a.out;
}
std::string why_unavailable() {
  return cuda::why_unavailable();
}
#else
View driver_copy(const Arrays& a, Context&) {
  return a.out;
}
View copy_kernel(const Arrays& a, Context&) {
  return a.out;
}
std::string why_unavailable() {
  return "built without CUDA (no nvcc found at configure time)";
}
#endif

[[maybe_unused]] const auto registered = {
    device_peak_case().add_variant({.name = "cuda_memcpy",
                                    .model = "cuda",
                                    .run = driver_copy,
                                    .why_unavailable = why_unavailable}),
    device_peak_case().add_variant({.name = "cuda_copy_kernel",
                                    .model = "cuda",
                                    .run = copy_kernel,
                                    .why_unavailable = why_unavailable}),
};

}  // namespace
}  // namespace idiombench::compute::stream
