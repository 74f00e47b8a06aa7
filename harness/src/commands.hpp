// The idiombench subcommands. Each returns the process exit status:
// 0 success, 1 a benchmark failed / crashed / timed out, 2 bad usage,
// 3 the results could not be written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plan.hpp"

namespace idiombench {

struct RunOptions {
  Selection selection;
  int repetitions = 0;   // in all, over every process; 0: the profile's default
  int processes = 0;     // child processes per benchmark (ab: pairs); 0: the profile's default
  double min_time = 0;   // seconds per repetition; 0: the profile's default
  double timeout = 120;  // seconds per process
  std::optional<std::uint64_t> seed;            // of the slot order; none: a fresh one (recorded)
  std::string measure = "time";                 // or "instructions" (callgrind)
  int iterations = 5;                           // instruction mode: iterations counted per process
  std::string out = "idiombench-results.json";  // ab: the folder
  // Per child process, MiB; none: the machine's memory (0: no limit).
  std::optional<std::uint64_t> memory_limit_mib;
  std::string baseline;  // ab: the baseline binary
  // ab: relinks of each side with other code layouts; pair k runs layout k mod K.
  std::vector<std::string> baseline_layouts, candidate_layouts;
  double target = 0;            // ab: sample until this change is detectable (0: fixed pairs)
  double budget_seconds = 0;    // ab: stop adding pairs after this long (0: no limit)
  int max_pairs = 0;            // ab --target: the most pairs per benchmark (0: 8 x the profile's)
  int sentinels = 4;            // ab: benchmarks with the same code on both sides still timed
  bool time_unchanged = false;  // ab: time every benchmark, whatever its code fingerprint
  std::string command_line;     // recorded in the results
};

// The exit status of a child whose allocation failed (reported as "out of memory").
inline constexpr int kOutOfMemoryStatus = 86;

// How a benchmark child process is asked for one benchmark.
struct ChildRequest {
  std::string binary;  // an idiombench binary; empty: this one
  std::string name;
  std::string profile = "quick";
  bool conformance = false;  // look the name up among the conformance points
  bool verify_only = false;
  int repetitions = 3;
  double min_time = 0.05;
  int result_fd = 3;
  std::string measure = "time";  // or "instructions": the parent runs the child under callgrind
  int iterations = 5;            // instruction mode
  std::uint64_t memory_limit_bytes = 0;  // RLIMIT_DATA of the child; 0: none
};

int list_command(const Selection& selection, bool json);
int info_command(bool json);
// Internal: the backends' probe and which of `variants` can run here, as JSON on the
// result descriptor (environment.hpp).
int backends_command(bool backends, const std::vector<std::string>& variants);
int run_command(const RunOptions& options);
int ab_command(const RunOptions& options);
int verify_command(const Selection& selection, double timeout);
int child_command(const ChildRequest& request);

// The benchmark child for `request`, run in its own process group with a deadline:
// returns the fragment it produced, or one describing how it crashed or hung. In
// instruction mode each run of the fragment gets `instructions` (per iteration).
nlohmann::json run_in_child(const ChildRequest& request, double timeout);

}  // namespace idiombench
