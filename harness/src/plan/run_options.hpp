// What `run` and `ab` are asked on the command line: the selection and how to sample it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plan/plan.hpp"

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
  // run: the name this machine goes by in comparisons (a Slurm node, "graviton3-a"): runs
  // of identical hardware under different labels are different machines there.
  std::string machine_label;
};

}  // namespace idiombench
