// `idiombench list`: what would run, and whether it can run here.
#include <fmt/format.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "results.hpp"

namespace idiombench {

int list_command(const Selection& selection, bool json) {
  auto planned = plan_benchmarks(selection);
  auto listing = nlohmann::json::array();
  for (const auto& benchmark : planned) {
    auto reason = benchmark.variant_info().why_unavailable();
    listing.push_back({{"name", benchmark.name},
                       {"suite", benchmark.info().suite},
                       {"case", benchmark.info().name},
                       {"variant", benchmark.variant_info().name},
                       {"model", benchmark.variant_info().model},
                       {"available", reason.empty()},
                       {"reason", reason},
                       {"identity", identity_of(benchmark)}});
  }
  if (json) {
    std::printf("%s\n", listing.dump(1).c_str());
    return 0;
  }
  for (const auto& item : listing) {
    std::string availability =
        item["available"] ? "available" : "unavailable: " + item["reason"].get<std::string>();
    std::printf("%s\n", fmt::format("{:<64} {:<10} {}", item["name"].get<std::string>(),
                                    item["model"].get<std::string>(), availability)
                            .c_str());
  }
  return 0;
}

}  // namespace idiombench
