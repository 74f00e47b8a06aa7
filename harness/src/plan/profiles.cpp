#include "plan/profiles.hpp"

#include "plan/plan.hpp"

namespace idiombench {

const std::vector<Profile>& profiles() {
  // gate: the sampling the A/A and injected-slowdown experiment chose for a CI gate on a
  // noisy 2-core VM (ci/gate-experiment.sh, README "The regression gate"): many short
  // processes beat a few long ones, because the noise lives between processes.
  static const std::vector<Profile> all{
      {"quick", "quick", 3, 1, 0.03, "a first look: one process per benchmark"},
      {"full", "full", 10, 5, 0.2, "the larger grids, 5 processes per benchmark"},
      {"gate", "quick", 20, 10, 0.01, "the quick grids sampled for `compare`: 10 processes"},
  };
  return all;
}

const Profile& profile_named(const std::string& name) {
  std::string known;
  for (const auto& profile : profiles()) {
    if (profile.name == name) return profile;
    known += (known.empty() ? "" : ", ") + profile.name;
  }
  throw UsageError("unknown profile '" + name + "' (known: " + known + ")");
}

std::vector<int> split_repetitions(int total, int processes) {
  std::vector<int> shares(static_cast<std::size_t>(processes), total / processes);
  for (int i = 0; i < total % processes; ++i) ++shares[static_cast<std::size_t>(i)];
  return shares;
}

}  // namespace idiombench
