#include "results/reporter.hpp"

#include "results/sampling_plan.hpp"

namespace idiombench {

std::vector<BenchmarkSamples> present(const Side& side) {
  std::vector<BenchmarkSamples> out;
  for (const auto& benchmark : *side.benchmarks) {
    if (!benchmark.name.empty()) out.push_back(benchmark);
  }
  return out;
}

int session_exit_status(const std::vector<Side>& sides,
                        const std::vector<std::unique_ptr<Reporter>>& reporters) {
  for (const auto& reporter : reporters) {
    if (!reporter->error().empty()) return 3;
  }
  for (const auto& side : sides) {
    for (const auto& [status, count] : tally(present(side))) {
      if (status != "ok" && status != "skipped") return 1;
    }
  }
  return 0;
}

}  // namespace idiombench
