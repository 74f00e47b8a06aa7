// The kokkos_cuda backend's status for `info` and every results file: the unit's file and
// the Kokkos it was built with (version, CUDA, architecture), or why it cannot be used.
#include <string>

#include "idiombench/backend.hpp"
#include "kokkos_cuda/loader.hpp"

namespace idiombench::compute {
namespace {

BackendStatus probe_kokkos_cuda() {
  if (auto why = kokkos_cuda::why_unavailable(); !why.empty()) return {.reason = why};
  return {.available = true,
          .details = {{"unit", kokkos_cuda::unit_location()},
                      {"kokkos", kokkos_cuda::describe_unit()}}};
}

[[maybe_unused]] const auto declared =
    declare_backend({.name = "kokkos_cuda", .probe = probe_kokkos_cuda, .models = {"kokkos_cuda"}});

}  // namespace
}  // namespace idiombench::compute
