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
  static void map(const Arrays& a, Op op, Launch launch) {
    cuda::map(library, kernel_of(op), a.x.data(), a.y.data(), a.out.data(), a.out.size(), op.scalar,
              launch.verifying);
  }
  static double dot(const Arrays& a, Launch launch) {
    return cuda::dot(library, a.x.data(), a.y.data(), a.x.size(), launch.verifying);
  }

 private:
  static cuda::MapKernel kernel_of(Copy) { return cuda::MapKernel::copy; }
  static cuda::MapKernel kernel_of(Scale) { return cuda::MapKernel::scale; }
  static cuda::MapKernel kernel_of(Add) { return cuda::MapKernel::add; }
  static cuda::MapKernel kernel_of(Triad) { return cuda::MapKernel::triad; }
};
using HandWritten = CudaModel<cuda::Library::hand_written>;
using Thrust = CudaModel<cuda::Library::thrust>;
#else
std::string why_unavailable() {
  return "built without CUDA (no nvcc found at configure time)";
}

template <int>
struct CudaModel {
  template <class Op>
  static void map(const Arrays&, Op, Launch) {}
  static double dot(const Arrays&, Launch) { return 0; }
};
using HandWritten = CudaModel<0>;
using Thrust = CudaModel<1>;
#endif

[[maybe_unused]] const auto registered = {
    register_stream_variant<HandWritten>("cuda", "cuda", why_unavailable),
    register_stream_variant<Thrust>("thrust", "cuda", why_unavailable),
};

}  // namespace
}  // namespace idiombench::compute::stream
