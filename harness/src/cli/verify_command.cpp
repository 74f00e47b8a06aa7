// `idiombench verify`: conformance only: every variant at every conformance size,
// each in its own child process so one crash cannot hide the other results.
#include <cstdio>

#include "cli/commands.hpp"
#include "results/sampling_plan.hpp"
#include "run/environment.hpp"
#include "run/isolation.hpp"

namespace idiombench {

int verify_command(const Selection& selection, double timeout) {
  auto planned = plan_conformance(selection);
  if (planned.empty()) throw UsageError("the selection matches no benchmark");
  // Asked once, in a process of its own: this one starts only benchmark processes.
  const auto availability =
      Availability::from(probe_availability(this_executable(), variant_keys(planned)));
  int passed = 0, skipped = 0;
  std::vector<std::string> problems;
  for (const auto& benchmark : planned) {
    if (auto reason = availability.why_unavailable(benchmark); !reason.empty()) {
      ++skipped;
      continue;
    }
    ChildRequest request;
    request.name = benchmark.name;
    request.conformance = true;
    request.verify_only = true;
    request.memory_limit_bytes = memory_limit_bytes(std::nullopt);
    auto fragment = run_in_child(request, timeout);
    if (fragment.at("status") == "ok") {
      ++passed;
    } else {
      problems.push_back(benchmark.name + ": " + fragment.at("status").get<std::string>() + ": " +
                         fragment.value("reason", ""));
      std::fprintf(stderr, "FAIL %s\n", problems.back().c_str());
    }
  }
  std::printf("verify: %d passed, %zu failed, %d skipped (unavailable here)\n", passed,
              problems.size(), skipped);
  for (const auto& problem : problems) std::printf("  %s\n", problem.c_str());
  return problems.empty() ? 0 : 1;
}

}  // namespace idiombench
