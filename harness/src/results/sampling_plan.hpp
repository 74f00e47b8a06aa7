// What `run` and `ab` share: the sampling a run asks for (profile defaults overridden by
// the command line), the child request of one slot, and the tallies at the end.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plan/profiles.hpp"
#include "plan/run_options.hpp"
#include "results/sampling.hpp"
#include "run/child.hpp"

namespace idiombench {

struct Sampling {
  std::string profile;
  std::string grid;      // passed to children (older binaries know only quick and full)
  int processes;         // per benchmark (ab: pairs); the most any benchmark gets
  bool processes_given;  // on the command line: then every benchmark gets that many
  int repetitions;       // in all, over the processes (instruction mode: one per process)
  double min_time;
  double timeout;
  std::uint64_t seed;
  bool instructions;
  int iterations;
  std::uint64_t memory_limit_bytes;  // per child; 0: none
  // Repetitions of every process, when the number of processes is not known in advance
  // (`ab --target`); 0: `repetitions` split over the processes.
  int per_process_repetitions = 0;

  // The run's fields of context.idiombench.
  nlohmann::json describe() const;
  // How many processes a benchmark of this model gets: `processes`, except in instruction
  // mode by default, where a deterministic count needs one and others get 5.
  int processes_for(const std::string& model) const;
  // The child request for process `process` of `samples`, run by `binary` (empty: this one).
  ChildRequest request(const BenchmarkSamples& samples, int process,
                       const std::string& binary) const;
};

// The RLIMIT_DATA of each child for `--memory-limit` MiB: by default the machine's
// memory (none in sanitizer builds), 0: none.
std::uint64_t memory_limit_bytes(const std::optional<std::uint64_t>& mib);

// Throws UsageError on a bad combination (instruction mode unavailable here...).
Sampling sampling_for(const RunOptions& options);

// A benchmark's samples before any process ran: skipped when unavailable here or not
// countable in instruction mode.
BenchmarkSamples samples_for(const std::string& name, nlohmann::json identity,
                             std::string unavailable, const Sampling& sampling);

// Every benchmark's entries, in order (those without a name are absent: skipped).
nlohmann::json all_entries(const std::vector<BenchmarkSamples>& samples);

// {status: count} over the benchmarks that are present.
std::map<std::string, int> tally(const std::vector<BenchmarkSamples>& samples);

}  // namespace idiombench
