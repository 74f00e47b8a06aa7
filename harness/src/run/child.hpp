// A benchmark's own process: how the runner asks a child for one benchmark, the child's
// side (`idiombench _child`), and the runner's side (start it, wait, read its fragment).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace idiombench {

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

int child_command(const ChildRequest& request);

// The benchmark child for `request`, run in its own process group with a deadline:
// returns the fragment it produced, or one describing how it crashed or hung. In
// instruction mode each run of the fragment gets `instructions` (per iteration).
nlohmann::json run_in_child(const ChildRequest& request, double timeout);

}  // namespace idiombench
