// The kokkos_cuda unit: kokkos_kernels.hpp, the kernels the host Kokkos variants run,
// compiled by nvcc_wrapper for Kokkos::Cuda. The inputs are uploaded on verification runs
// (and whenever they change) and stay resident for the timed runs, as the cuda model's do.
#include <Kokkos_Core.hpp>
#include <cstdlib>
#include <exception>
#include <limits>
#include <string>

#include "kokkos_cuda/unit_api.hpp"
#include "kokkos_kernels.hpp"

namespace idiombench::compute::kokkos_cuda {
namespace {

using Space = Kokkos::Cuda;
template <class T>
using DeviceArray = Kokkos::View<T*, Space::memory_space>;
template <class T>
using HostArray = Kokkos::View<const T*, Kokkos::HostSpace, Kokkos::MemoryUnmanaged>;

std::string last_error;

// Runs `body`, turning an exception into the message the runner reports.
template <class Body>
const char* guarded(Body body) {
  try {
    body();
    return nullptr;
  } catch (const std::exception& e) {
    last_error = e.what();
  } catch (...) {
    last_error = "unknown exception in the kokkos_cuda unit";
  }
  return last_error.c_str();
}

// A device copy of one host array, refreshed when asked or when it names another array.
template <class T>
struct Resident {
  const T* host = nullptr;
  DeviceArray<T> device;

  T* upload(const T* from, std::size_t n, bool refresh) {
    if (refresh || from != host || device.extent(0) != n) {
      device = DeviceArray<T>(Kokkos::view_alloc(Kokkos::WithoutInitializing, "resident"), n);
      Kokkos::deep_copy(device, HostArray<T>(from, n));
      host = from;
    }
    return device.data();
  }
};

// A device work array of n elements, kept between calls.
template <class T>
T* workspace(DeviceArray<T>& array, std::size_t n) {
  if (array.extent(0) != n)
    array = DeviceArray<T>(Kokkos::view_alloc(Kokkos::WithoutInitializing, "work"), n);
  return array.data();
}

void copy_back(double* to, const double* from, std::size_t n) {
  Kokkos::deep_copy(
      Kokkos::View<double*, Kokkos::HostSpace, Kokkos::MemoryUnmanaged>(to, n),
      Kokkos::View<const double*, Space::memory_space, Kokkos::MemoryUnmanaged>(from, n));
}

// Every device array the unit holds: freed before Kokkos::finalize (constructed after the
// atexit registration in start(), so destroyed first).
struct State {
  Resident<double> x, y, grid;
  Resident<std::uint32_t> samples;
  DeviceArray<double> out, work[2];
  DeviceArray<std::uint64_t> bins;
  DeviceArray<int> seen;
};
State& state() {
  static State s;
  return s;
}

const char* describe() {
  static const std::string text = [] {
    std::string arch = "unknown architecture";
#if defined(KOKKOS_ARCH_HOPPER90)
    arch = "HOPPER90";
#elif defined(KOKKOS_ARCH_AMPERE80)
    arch = "AMPERE80";
#elif defined(KOKKOS_ARCH_ADA89)
    arch = "ADA89";
#elif defined(KOKKOS_ARCH_BLACKWELL100)
    arch = "BLACKWELL100";
#endif
    return std::to_string(KOKKOS_VERSION / 10000) + "." +
           std::to_string(KOKKOS_VERSION / 100 % 100) + "." + std::to_string(KOKKOS_VERSION % 100) +
           " (" + Space::name() + ", " + arch + ")";
  }();
  return text.c_str();
}

const char* start() {
  return guarded([] {
    if (Kokkos::is_initialized()) return;
    Kokkos::initialize(Kokkos::InitializationSettings().set_disable_warnings(true));
    std::atexit([] { Kokkos::finalize(); });
    state();
  });
}

template <class Op>
void run_map(const double* x, const double* y, double* out, std::size_t n, Op op) {
  kokkos_kernels::map<Space>(x, y, out, n, op);
}

const char* map(MapKernel kernel, const double* x, const double* y, double* out, std::size_t n,
                double scalar, bool verifying) {
  return guarded([&] {
    auto& s = state();
    const double* dx = s.x.upload(x, n, verifying);
    const double* dy = s.y.upload(y, n, verifying);
    double* dout = workspace(s.out, n);
    if (verifying) Kokkos::deep_copy(s.out, std::numeric_limits<double>::quiet_NaN());
    switch (kernel) {
      case MapKernel::copy:
        run_map(dx, dy, dout, n, stream::Copy{scalar});
        break;
      case MapKernel::scale:
        run_map(dx, dy, dout, n, stream::Scale{scalar});
        break;
      case MapKernel::add:
        run_map(dx, dy, dout, n, stream::Add{scalar});
        break;
      case MapKernel::triad:
        run_map(dx, dy, dout, n, stream::Triad{scalar});
        break;
    }
    if (verifying) copy_back(out, dout, n);
  });
}

const char* dot(const double* x, const double* y, std::size_t n, bool verifying, double* result) {
  return guarded([&] {
    auto& s = state();
    *result =
        kokkos_kernels::dot<Space>(s.x.upload(x, n, verifying), s.y.upload(y, n, verifying), n);
  });
}

const char* stencil(const double* input, std::size_t n, int sweeps, bool verifying,
                    double* result) {
  return guarded([&] {
    auto& s = state();
    const double* in = s.grid.upload(input, n * n, verifying);
    double* work[2] = {workspace(s.work[0], n * n), workspace(s.work[1], n * n)};
    for (int sweep = 0; sweep < sweeps; ++sweep) {
      kokkos_kernels::stencil_sweep<Space>(sweep == 0 ? in : work[(sweep - 1) % 2], work[sweep % 2],
                                           n);
    }
    if (verifying && sweeps > 0) copy_back(result, work[(sweeps - 1) % 2], n * n);
  });
}

const char* launch(int token, bool verifying, int* seen) {
  return guarded([&] {
    auto& s = state();
    int* flag = workspace(s.seen, 1);
    if (verifying) Kokkos::deep_copy(s.seen, 0);
    kokkos_kernels::launch<Space>(flag, token);
    *seen = token;
    if (verifying) {
      Kokkos::deep_copy(Kokkos::View<int*, Kokkos::HostSpace, Kokkos::MemoryUnmanaged>(seen, 1),
                        s.seen);
    }
  });
}

const char* histogram(const std::uint32_t* values, std::size_t count, bool verifying,
                      std::uint64_t* bins, std::size_t bin_count) {
  return guarded([&] {
    auto& s = state();
    const std::uint32_t* samples = s.samples.upload(values, count, verifying);
    std::uint64_t* counts = workspace(s.bins, bin_count);
    Kokkos::deep_copy(s.bins, 0);
    kokkos_kernels::histogram<Space>(samples, count, counts, bin_count);
    Kokkos::deep_copy(
        Kokkos::View<std::uint64_t*, Kokkos::HostSpace, Kokkos::MemoryUnmanaged>(bins, bin_count),
        s.bins);
  });
}

}  // namespace
}  // namespace idiombench::compute::kokkos_cuda

extern "C" __attribute__((visibility("default"))) const idiombench::compute::kokkos_cuda::UnitApi*
idiombench_kokkos_cuda_unit() {
  using namespace idiombench::compute::kokkos_cuda;
  static const UnitApi api{kUnitAbiVersion, describe, start, map, dot, stencil, launch, histogram};
  return &api;
}
