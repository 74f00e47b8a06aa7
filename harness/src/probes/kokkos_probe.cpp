// Describes the Kokkos this build uses: version, default execution space, concurrency.
#include <cstdlib>
#include <string>

#include "../backend_probe.hpp"

#ifdef IDIOMBENCH_HAVE_KOKKOS
#include <Kokkos_Core.hpp>
#endif

namespace idiombench {
namespace {

nlohmann::json probe_kokkos() {
#ifdef IDIOMBENCH_HAVE_KOKKOS
  nlohmann::json out = {
      {"available", true},
      {"version", std::to_string(KOKKOS_VERSION / 10000) + "." +
                      std::to_string(KOKKOS_VERSION / 100 % 100) + "." +
                      std::to_string(KOKKOS_VERSION % 100)},
      {"execution_space", Kokkos::DefaultExecutionSpace::name()},
      {"host_execution_space", Kokkos::DefaultHostExecutionSpace::name()},
  };
  // Concurrency is only known once Kokkos is up: bring it up and take it down.
  // OMP_PROC_BIND is read by the OpenMP runtime at load, so setting it here only
  // keeps Kokkos from printing its binding advice into `info --json`.
  if (!Kokkos::is_initialized()) {
    const bool bind_unset = std::getenv("OMP_PROC_BIND") == nullptr;
    if (bind_unset) setenv("OMP_PROC_BIND", "false", 1);
    Kokkos::initialize();
    out["concurrency"] = Kokkos::DefaultExecutionSpace::concurrency();
    Kokkos::finalize();
    if (bind_unset) unsetenv("OMP_PROC_BIND");
  } else {
    out["concurrency"] = Kokkos::DefaultExecutionSpace::concurrency();
  }
  return out;
#else
  return {{"available", false}, {"reason", IDIOMBENCH_KOKKOS_REASON}};
#endif
}

const BackendProbeRegistration registration("kokkos", probe_kokkos);

}  // namespace
}  // namespace idiombench
