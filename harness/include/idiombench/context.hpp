// What a variant may see and say while it runs: its params, and case-specific
// counters (recorded on the verification run, ignored while timing).
#pragma once

#include <map>
#include <string>

#include "idiombench/params.hpp"

namespace idiombench {

class Context {
 public:
  Context(const Params& params, bool verifying) : params_(params), verifying_(verifying) {}

  const Params& params() const { return params_; }
  // True on the verification run, whose output is compared with the reference: a
  // variant that keeps its result elsewhere (on a GPU) must bring it back then, and
  // need not in timed runs.
  bool verifying() const { return verifying_; }

  // A per-run figure such as "elements_produced". Only the verification run
  // records it, so calling this inside a timed loop costs one branch.
  void counter(const std::string& name, double value) {
    if (verifying_) counters_[name] = value;
  }

  const std::map<std::string, double>& counters() const { return counters_; }

 private:
  const Params& params_;
  bool verifying_;
  std::map<std::string, double> counters_;
};

}  // namespace idiombench
