// The idiombench subcommands. Each returns the process exit status:
// 0 success, 1 a benchmark failed / crashed / timed out, 2 bad usage,
// 3 the results could not be written.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plan.hpp"

namespace idiombench {

struct RunOptions {
  Selection selection;
  int repetitions = 0;   // 0: the profile's default
  double min_time = 0;   // seconds per repetition; 0: the profile's default
  double timeout = 120;  // seconds per benchmark
  std::string out = "idiombench-results.json";
  std::string command_line;  // recorded in the results
};

// How a benchmark child process is asked for one benchmark.
struct ChildRequest {
  std::string name;
  std::string profile = "quick";
  bool conformance = false;  // look the name up among the conformance points
  bool verify_only = false;
  int repetitions = 3;
  double min_time = 0.05;
  int result_fd = 3;
};

int list_command(const Selection& selection, bool json);
int info_command(bool json);
int run_command(const RunOptions& options);
int verify_command(const Selection& selection, double timeout);
int child_command(const ChildRequest& request);

// The benchmark child for `request`, run in its own process group with a deadline:
// returns the fragment it produced, or one describing how it crashed or hung.
nlohmann::json run_in_child(const ChildRequest& request, double timeout);

}  // namespace idiombench
