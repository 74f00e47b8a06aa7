// Profiles: which params grid a run sweeps and how it samples the noise of this
// machine: how many repetitions of how long, spread over how many processes.
#pragma once

#include <string>
#include <vector>

namespace idiombench {

struct Profile {
  std::string name;
  std::string grid;  // the cases' params grid it sweeps: "quick" or "full"
  int repetitions;   // in all, split across `processes`
  int processes;     // fresh child processes per benchmark (the independent samples)
  double min_time;   // seconds per repetition
  std::string purpose;
};

const std::vector<Profile>& profiles();
// Throws UsageError naming the known profiles.
const Profile& profile_named(const std::string& name);

// How `total` repetitions are shared by `processes` processes: as evenly as possible,
// the first ones taking the remainder.
std::vector<int> split_repetitions(int total, int processes);

}  // namespace idiombench
