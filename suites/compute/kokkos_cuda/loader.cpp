// Loading the kokkos_cuda unit (unit_api.hpp). It is looked for in
// $IDIOMBENCH_KOKKOS_CUDA_UNIT, then beside the runner (the build tree), then in
// ../lib/idiombench (an installed tree). Loading is deferred until a variant asks and a
// CUDA device is present: the unit links the CUDA driver, and Kokkos aborts without one.
#include "kokkos_cuda/loader.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <stdexcept>

#ifdef IDIOMBENCH_HAVE_KOKKOS_CUDA
#include "cuda_devices.hpp"
#endif

namespace idiombench::compute::kokkos_cuda {
namespace {

constexpr const char* kLibrary = "libidiombench_kokkos_cuda.so";

std::filesystem::path unit_path() {
  namespace fs = std::filesystem;
  if (const char* chosen = std::getenv("IDIOMBENCH_KOKKOS_CUDA_UNIT"); chosen && *chosen)
    return chosen;
  std::error_code error;
  const auto runner = fs::read_symlink("/proc/self/exe", error).parent_path();
  for (const auto& candidate : {runner / kLibrary, runner / "../lib/idiombench" / kLibrary}) {
    if (fs::exists(candidate, error)) return candidate;
  }
  return runner / kLibrary;
}

struct Loaded {
  const UnitApi* api = nullptr;
  std::string why_not;
};

Loaded load() {
#ifndef IDIOMBENCH_HAVE_KOKKOS_CUDA
  return {.why_not = "built without the kokkos_cuda unit (" IDIOMBENCH_KOKKOS_CUDA_REASON ")"};
#else
  if (auto why = why_no_cuda_device(); !why.empty()) return {.why_not = why};
  const auto path = unit_path();
  // RTLD_LOCAL: the unit's Kokkos (CUDA) stays apart from the runner's (OpenMP).
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return {.why_not = std::string("cannot load the kokkos_cuda unit: ") + dlerror()};
  using Entry = const UnitApi* (*)();
  auto entry = reinterpret_cast<Entry>(dlsym(handle, "idiombench_kokkos_cuda_unit"));
  if (!entry) return {.why_not = path.string() + " is not a kokkos_cuda unit"};
  const UnitApi* api = entry();
  if (api->abi_version != kUnitAbiVersion) {
    return {.why_not = path.string() + " is from another build (interface version " +
                       std::to_string(api->abi_version) + ", this runner needs " +
                       std::to_string(kUnitAbiVersion) + ")"};
  }
  return {.api = api, .why_not = {}};
#endif
}

const Loaded& loaded() {
  static const Loaded once = load();
  return once;
}

}  // namespace

std::string why_unavailable() {
  return loaded().why_not;
}

std::string unit_location() {
  return unit_path().string();
}

std::string describe_unit() {
  return loaded().api ? loaded().api->describe() : "";
}

const UnitApi& unit() {
  if (!loaded().api) throw std::runtime_error(loaded().why_not);
  // Kokkos starts on the device in the process that runs a variant, not in the one that
  // only plans (list, the runner's parent).
  static const bool started = (check(loaded().api->start()), true);
  (void)started;
  return *loaded().api;
}

void check(const char* error) {
  if (error) throw std::runtime_error(std::string("kokkos_cuda: ") + error);
}

}  // namespace idiombench::compute::kokkos_cuda
