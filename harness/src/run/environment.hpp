// The environment probe: what machine, build and backends produced a result.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace idiombench {

struct Environment {
  nlohmann::json benchmark_context;  // Google Benchmark's own context fields
  nlohmann::json idiombench;         // build, machine, backends, warnings...
  std::vector<std::string> warnings;
  // The variants asked about that cannot run here: "suite/case/variant" -> why not.
  std::map<std::string, std::string> unavailable;
};

// `backend_prober`: empty, the backends are probed in this process; otherwise an
// idiombench binary whose `_backends` command probes them in a child process, so that
// what a probe starts (an OpenMP or Kokkos thread pool that spins, a CUDA context)
// never lives in the runner beside the benchmark children it waits for. The same
// process decides which of `variants` ("suite/case/variant") can run here: asking a
// Python variant starts CPython and imports numba, which no runner or C++ benchmark's
// process should carry.
Environment probe_environment(const std::string& backend_prober = {},
                              const std::vector<std::string>& variants = {});

// Only which of `variants` cannot run here, asked in a child process of `prober` (in this
// process when `prober` is empty). A probe that fails leaves every variant available: each
// benchmark's own process then reports what stops it.
std::map<std::string, std::string> probe_availability(const std::string& prober,
                                                      const std::vector<std::string>& variants);

// What `_backends [--no-backends] [--variant KEY]...` prints: {"backends": {...},
// "warnings": [...], "unavailable": {"suite/case/variant": reason}}.
nlohmann::json probe_backends_here(bool backends, const std::vector<std::string>& variants);

// "idiombench 0.1.0 (git <sha>)": what --version prints.
std::string version_line();

// "idiombench: warning: ..." on stderr for each warning.
void print_warnings(const Environment& environment);

}  // namespace idiombench
