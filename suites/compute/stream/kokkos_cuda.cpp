// compute stream/kokkos_cuda: the Kokkos STREAM kernels (kokkos_kernels.hpp, the ones the
// kokkos variants run on the host) on a CUDA device, through the kokkos_cuda unit.
#include <string>

#include "kokkos_cuda/loader.hpp"
#include "stream/case.hpp"

namespace idiombench::compute::stream {
namespace {

struct KokkosCudaModel {
  template <class Op>
  static void map(const Arrays& a, Op op, Launch launch) {
    kokkos_cuda::check(kokkos_cuda::unit().map(kernel_of(op), a.x.data(), a.y.data(), a.out.data(),
                                               a.out.size(), op.scalar, launch.verifying));
  }
  static double dot(const Arrays& a, Launch launch) {
    double sum = 0;
    kokkos_cuda::check(
        kokkos_cuda::unit().dot(a.x.data(), a.y.data(), a.x.size(), launch.verifying, &sum));
    return sum;
  }

 private:
  static kokkos_cuda::MapKernel kernel_of(Copy) { return kokkos_cuda::MapKernel::copy; }
  static kokkos_cuda::MapKernel kernel_of(Scale) { return kokkos_cuda::MapKernel::scale; }
  static kokkos_cuda::MapKernel kernel_of(Add) { return kokkos_cuda::MapKernel::add; }
  static kokkos_cuda::MapKernel kernel_of(Triad) { return kokkos_cuda::MapKernel::triad; }
};

[[maybe_unused]] const auto registered = register_stream_variant<KokkosCudaModel>(
    "kokkos_cuda", "kokkos_cuda", kokkos_cuda::why_unavailable);

}  // namespace
}  // namespace idiombench::compute::stream
