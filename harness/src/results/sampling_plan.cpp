#include "results/sampling_plan.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

#include "build_info.hpp"

#include "run/instructions.hpp"

namespace idiombench {

namespace {
// Instruction mode, by default: counts that vary (threads) are sampled over this many
// processes, enough for compare's test; deterministic ones need one.
constexpr int kInexactCountProcesses = 5;
}  // namespace

// The default keeps a runaway variant within the machine's memory (a sanitizer's shadow
// memory counts against the limit, so those builds get none).
std::uint64_t memory_limit_bytes(const std::optional<std::uint64_t>& mib) {
  if (mib) return *mib << 20;
  if (std::string(build_info::sanitizers).size() > 0) return 0;
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  return pages > 0 && page > 0
             ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page)
             : 0;
}

Sampling sampling_for(const RunOptions& options) {
  const auto& profile = profile_named(options.selection.profile);
  Sampling s;
  s.profile = profile.name;
  s.grid = profile.grid;
  s.instructions = options.measure == "instructions";
  if (!s.instructions && options.measure != "time") {
    throw UsageError("--measure must be 'time' or 'instructions', not '" + options.measure + "'");
  }
  if (s.instructions) {
    if (auto why = instruction_mode_unavailable(); !why.empty()) {
      throw UsageError("instruction mode is not available: " + why);
    }
    if (auto warning = instruction_mode_warning(); !warning.empty()) {
      std::fprintf(stderr, "idiombench: warning: %s\n", warning.c_str());
    }
  }
  s.processes_given = options.processes > 0;
  const int default_processes = s.instructions ? kInexactCountProcesses : profile.processes;
  s.processes = s.processes_given ? options.processes : default_processes;
  s.repetitions = options.repetitions > 0 ? options.repetitions : profile.repetitions;
  s.repetitions = std::max(s.repetitions, s.processes);  // at least one per process
  s.min_time = options.min_time > 0 ? options.min_time : profile.min_time;
  s.timeout = options.timeout;
  s.seed = options.seed ? *options.seed : fresh_seed();
  s.iterations = options.iterations;
  s.memory_limit_bytes = memory_limit_bytes(options.memory_limit_mib);
  return s;
}

nlohmann::json Sampling::describe() const {
  nlohmann::json meta = {{"profile", profile},
                         {"repetitions", repetitions},
                         {"processes", processes},
                         {"min_time_s", min_time},
                         {"timeout_s", timeout},
                         {"seed", seed},
                         {"measure", instructions ? "instructions" : "time"},
                         {"memory_limit_mib", memory_limit_bytes >> 20}};
  if (instructions) {
    meta["iterations"] = iterations;
    meta["instruction_counter"] = instruction_counter();
  }
  return meta;
}

int Sampling::processes_for(const std::string& model) const {
  if (!instructions || processes_given) return processes;
  return instructions_exact_for(model) ? 1 : kInexactCountProcesses;
}

ChildRequest Sampling::request(const BenchmarkSamples& samples, int process,
                               const std::string& binary) const {
  ChildRequest request;
  request.binary = binary;
  request.name = samples.name;
  request.profile = grid;
  const int total = instructions ? samples.planned_processes : repetitions;
  request.repetitions = per_process_repetitions > 0
                            ? per_process_repetitions
                            : split_repetitions(total, samples.planned_processes)
                                  .at(static_cast<std::size_t>(process));
  request.min_time = min_time;
  request.measure = instructions ? "instructions" : "time";
  request.iterations = iterations;
  request.memory_limit_bytes = memory_limit_bytes;
  return request;
}

BenchmarkSamples samples_for(const std::string& name, nlohmann::json identity,
                             std::string unavailable, const Sampling& sampling) {
  BenchmarkSamples samples;
  samples.name = name;
  const std::string model = identity.value("model", "");
  samples.identity = std::move(identity);
  samples.planned_processes = sampling.processes_for(model);
  samples.planned_repetitions =
      sampling.instructions ? samples.planned_processes : sampling.repetitions;
  samples.instructions = sampling.instructions;
  samples.exact = sampling.instructions && instructions_exact_for(model);
  if (unavailable.empty() && sampling.instructions) unavailable = instructions_not_countable(model);
  samples.unavailable = std::move(unavailable);
  return samples;
}

nlohmann::json all_entries(const std::vector<BenchmarkSamples>& samples) {
  auto entries = nlohmann::json::array();
  for (const auto& benchmark : samples) {
    if (benchmark.name.empty()) continue;  // absent from this side of an `ab` session
    for (auto& entry : benchmark.entries()) entries.push_back(std::move(entry));
  }
  return entries;
}

std::map<std::string, int> tally(const std::vector<BenchmarkSamples>& samples) {
  std::map<std::string, int> counts;
  for (const auto& benchmark : samples) {
    if (!benchmark.processes.empty() || !benchmark.unavailable.empty())
      ++counts[benchmark.status()];
  }
  return counts;
}

}  // namespace idiombench
