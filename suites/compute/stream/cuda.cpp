// compute stream/cuda and stream/thrust: the STREAM kernels on a CUDA device, timed with
// the data already resident there (uploaded on the untimed verification run). Built
// when nvcc is found; without a device they are skipped with the runtime's reason.
#include <string>

#include "stream/case.hpp"

#ifdef IDIOMBENCH_HAVE_CUDA
#include "stream/cuda_api.hpp"
#endif

namespace idiombench::compute::stream {
namespace {

#ifdef IDIOMBENCH_HAVE_CUDA
std::string why_unavailable() {
  return cuda::why_unavailable();
}

template <cuda::Library library>
struct CudaModel {
  template <class Op>
  static void map(const Arrays& a, Op op, bool verifying) {
    cuda::map(library, kernel_of(op), a.x.data(), a.y.data(), a.out.data(), a.out.size(), op.scalar,
              verifying);
  }
  static double dot(const Arrays& a, bool verifying) {
    return cuda::dot(library, a.x.data(), a.y.data(), a.x.size(), verifying);
  }

 private:
  static cuda::MapKernel kernel_of(Copy) { return cuda::MapKernel::copy; }
  static cuda::MapKernel kernel_of(Scale) { return cuda::MapKernel::scale; }
  static cuda::MapKernel kernel_of(Add) { return cuda::MapKernel::add; }
  static cuda::MapKernel kernel_of(Triad) { return cuda::MapKernel::triad; }
};
#else
std::string why_unavailable() {
  return "built without CUDA (no nvcc found at configure time)";
}

template <int>
struct CudaModel {
  template <class Op>
  static void map(const Arrays&, Op, bool) {}
  static double dot(const Arrays&, bool) { return 0; }
};
#endif

// Like register_stream_variant, but the device model needs to know the verification
// run (to bring its output back) rather than a thread count.
template <class Model>
void register_device_variant(const std::string& name) {
  auto map_variant = [&]<class Op>(Case<Arrays, View, std::vector<double>>& c, Op) {
    c.add_variant({.name = name,
                   .model = "cuda",
                   .run =
                       [](const Arrays& a, Context& ctx) {
                         Model::map(a, Op{a.scalar}, ctx.verifying());
                         return View(a.out);
                       },
                   .why_unavailable = why_unavailable});
  };
  map_variant(copy_case(), Copy{});
  map_variant(scale_case(), Scale{});
  map_variant(add_case(), Add{});
  map_variant(triad_case(), Triad{});
  dot_case().add_variant(
      {.name = name,
       .model = "cuda",
       .run = [](const Arrays& a, Context& ctx) { return Model::dot(a, ctx.verifying()); },
       .why_unavailable = why_unavailable});
}

#ifdef IDIOMBENCH_HAVE_CUDA
[[maybe_unused]] const bool registered =
    (register_device_variant<CudaModel<cuda::Library::hand_written>>("cuda"),
     register_device_variant<CudaModel<cuda::Library::thrust>>("thrust"), true);
#else
[[maybe_unused]] const bool registered = (register_device_variant<CudaModel<0>>("cuda"),
                                          register_device_variant<CudaModel<1>>("thrust"), true);
#endif

}  // namespace
}  // namespace idiombench::compute::stream
