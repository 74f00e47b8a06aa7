// The Kokkos backend's status for `info` and every results file: version, execution
// spaces and concurrency, or why this build has no Kokkos.
#include <cstdlib>
#include <string>

#include "idiombench/backend.hpp"

#ifdef IDIOMBENCH_HAVE_KOKKOS
#include <Kokkos_Core.hpp>
#endif

namespace idiombench::compute {
namespace {

BackendStatus probe_kokkos() {
#ifdef IDIOMBENCH_HAVE_KOKKOS
  BackendStatus status{
      .available = true,
      .details = {{"version", std::to_string(KOKKOS_VERSION / 10000) + "." +
                                  std::to_string(KOKKOS_VERSION / 100 % 100) + "." +
                                  std::to_string(KOKKOS_VERSION % 100)},
                  {"execution_space", Kokkos::DefaultExecutionSpace::name()},
                  {"host_execution_space", Kokkos::DefaultHostExecutionSpace::name()}}};
  // Concurrency is only known once Kokkos is up: bring it up and take it down (the
  // probe runs in the runner, which runs no Kokkos variant itself). OMP_PROC_BIND is
  // read by the OpenMP runtime at load, so setting it here only keeps Kokkos from
  // printing its binding advice into `info --json`.
  auto concurrency = [] { return std::to_string(Kokkos::DefaultExecutionSpace().concurrency()); };
  if (!Kokkos::is_initialized()) {
    const bool bind_unset = std::getenv("OMP_PROC_BIND") == nullptr;
    if (bind_unset) setenv("OMP_PROC_BIND", "false", 1);
    Kokkos::initialize();
    status.details.emplace_back("concurrency", concurrency());
    Kokkos::finalize();
    if (bind_unset) unsetenv("OMP_PROC_BIND");
  } else {
    status.details.emplace_back("concurrency", concurrency());
  }
  return status;
#else
  return {.reason = IDIOMBENCH_KOKKOS_REASON};
#endif
}

[[maybe_unused]] const auto declared =
    declare_backend({.name = "kokkos", .probe = probe_kokkos, .models = {"kokkos"}});

}  // namespace
}  // namespace idiombench::compute
