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

Environment probe_environment();

// "idiombench: warning: ..." on stderr for each warning.
void print_warnings(const Environment& environment);

// The results document's "context": Google Benchmark's fields plus "idiombench".
nlohmann::json results_context(const Environment& environment);

}  // namespace idiombench
