// Backends (Kokkos, CUDA, io_uring...) describe themselves to the environment probe
// from their own files, so the probe knows none of them by name.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace idiombench {

// Returns at least {"available": bool} and, when not available, "reason".
using BackendProbe = nlohmann::json (*)();

std::vector<std::pair<std::string, BackendProbe>>& backend_probes();

struct BackendProbeRegistration {
  BackendProbeRegistration(const char* name, BackendProbe probe) {
    backend_probes().emplace_back(name, probe);
  }
};

}  // namespace idiombench
