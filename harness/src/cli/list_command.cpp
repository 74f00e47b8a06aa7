// `idiombench list`: what would run, and whether it can run here.
#include <fmt/format.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/commands.hpp"
#include "gate/variant_fingerprint.hpp"
#include "idiombench/model.hpp"
#include "results/results.hpp"
#include "run/environment.hpp"
#include "run/isolation.hpp"

namespace idiombench {

int list_command(const Selection& selection, bool json) {
  // Asked in a process of its own, as `run` does: a Python variant's answer starts CPython.
  auto planned = plan_benchmarks(selection, Availability::assume_all());
  const auto availability =
      Availability::from(probe_availability(this_executable(), variant_keys(planned)));
  planned = plan_benchmarks(selection, availability);
  auto listing = nlohmann::json::array();
  for (const auto& benchmark : planned) {
    auto reason = availability.why_skipped(benchmark);
    listing.push_back({{"name", benchmark.name},
                       {"suite", benchmark.info().suite},
                       {"case", benchmark.info().name},
                       {"variant", benchmark.variant_info().name},
                       {"model", benchmark.variant_info().model},
                       {"available", reason.empty()},
                       {"reason", reason},
                       {"identity", fingerprinted_identity(benchmark)}});
  }
  if (json) {
    std::printf("%s\n", listing.dump(1).c_str());
    return 0;
  }
  std::set<std::string> models;
  for (const auto& item : listing) {
    std::string availability =
        item["available"] ? "available" : "unavailable: " + item["reason"].get<std::string>();
    std::printf("%s\n", fmt::format("{:<64} {:<10} {}", item["name"].get<std::string>(),
                                    item["model"].get<std::string>(), availability)
                            .c_str());
    models.insert(item["model"].get<std::string>());
  }
  // What the models listed mean, as the suites that use them describe them.
  if (!models.empty()) std::printf("\nmodels:\n");
  for (const auto& name : models) {
    const auto spec = find_model(name);
    std::printf("  %-10s %s\n", name.c_str(), spec ? spec->description.c_str() : "(undeclared)");
  }
  return 0;
}

}  // namespace idiombench
