// `idiombench info`: the environment probe, as JSON or as readable lines.
#include <cstdio>

#include "cli/commands.hpp"
#include "results/results.hpp"
#include "run/environment.hpp"
#include "run/isolation.hpp"

namespace idiombench {

int info_command(bool json) {
  auto environment = probe_environment(this_executable());
  auto context = results_context(environment);
  if (json) {
    std::printf("%s\n", context.dump(1).c_str());
    return 0;
  }
  const auto& meta = context["idiombench"];
  const auto& machine = meta["machine"];
  const auto& build = meta["build"];
  auto text = [](const nlohmann::json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump();
  };
  std::printf("idiombench %s (git %s)\n", text(meta["tool_version"]).c_str(),
              text(meta["git_sha"]).c_str());
  std::printf("machine   %s  id %s\n", text(machine["cpu_model"]).c_str(),
              text(machine["machine_id"]).c_str());
  std::printf("cores     %s logical, %s physical; memory %.1f GiB; LLC %s bytes\n",
              text(machine["logical_cpus"]).c_str(), text(machine["physical_cores"]).c_str(),
              machine["memory_bytes"].get<double>() / (1 << 30),
              text(machine["last_level_cache_bytes"]).c_str());
  std::printf("kernel    %s; governor %s\n", text(machine["kernel"]).c_str(),
              text(machine["governor"]).c_str());
  std::printf("build     %s %s [%s]\n", text(build["compiler"]).c_str(),
              text(build["build_type"]).c_str(), text(build["flags"]).c_str());
  for (const auto& [name, value] : meta["environment_variables"].items()) {
    std::printf("env       %s=%s\n", name.c_str(), text(value).c_str());
  }
  for (const auto& [name, description] : meta["models"].items()) {
    std::printf("model     %-9s %s\n", name.c_str(), text(description).c_str());
  }
  for (const auto& [name, backend] : meta["backends"].items()) {
    std::string detail = backend.value("available", false)
                             ? "available"
                             : "unavailable: " + backend.value("reason", "");
    std::printf("backend   %-9s %s  %s\n", name.c_str(), detail.c_str(), backend.dump().c_str());
  }
  for (const auto& warning : environment.warnings) std::printf("warning   %s\n", warning.c_str());
  return 0;
}

int backends_command(bool backends, const std::vector<std::string>& variants) {
  return write_all(kResultFd, probe_backends_here(backends, variants).dump()) ? 0 : 1;
}

}  // namespace idiombench
