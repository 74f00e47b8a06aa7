// The environment probe: what machine, build and backends produced a result.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace idiombench {

struct Environment {
  nlohmann::json benchmark_context;  // Google Benchmark's own context fields
  nlohmann::json idiombench;         // build, machine, backends, warnings...
  std::vector<std::string> warnings;
};

// `backend_prober`: empty, the backends are probed in this process; otherwise an
// idiombench binary whose `_backends` command probes them in a child process, so that
// what a probe starts (an OpenMP or Kokkos thread pool that spins, a CUDA context)
// never lives in the runner beside the benchmark children it waits for.
Environment probe_environment(const std::string& backend_prober = {});

// What `_backends` prints: {"backends": {...}, "warnings": [...]}.
nlohmann::json probe_backends_here();

// "idiombench 0.1.0 (git <sha>)": what --version prints.
std::string version_line();

// "idiombench: warning: ..." on stderr for each warning.
void print_warnings(const Environment& environment);

// The results document's "context": Google Benchmark's fields plus "idiombench".
nlohmann::json results_context(const Environment& environment);

}  // namespace idiombench
