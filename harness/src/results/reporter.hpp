// What hears about a `run` or `ab` session as it goes, one unit per concern as Google
// Benchmark's reporters are: the console (progress, failures, the summary) and the
// results files. The commands only drive the processes and tell the reporters.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "results/sampling.hpp"

namespace idiombench {

// One side of a session: `run` has one ("" role), `ab` two ("baseline", "candidate").
struct Side {
  std::string role;
  std::vector<BenchmarkSamples>* benchmarks;  // those absent from this side have no name
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Slot `k` of the session's shuffled slots is about to run; `label` names it.
  virtual void before_slot(std::size_t /*k*/, const std::string& /*label*/) {}
  // A process of `benchmark` on `side` ended; the benchmark may now be settled.
  virtual void after_process(const Side& /*side*/, const BenchmarkSamples& /*benchmark*/) {}
  // Slot k is done; `settled` when some benchmark just got its last process or failed.
  virtual void after_slot(bool /*settled*/) {}
  // Every slot has run; `cost` is the session's own (SessionCost::summary).
  virtual void finished(const nlohmann::json& /*cost*/) {}
  // Non-empty when this reporter lost something (a results file not written): exit 3.
  virtual std::string error() const { return ""; }
};

// The benchmarks of a side that it has.
std::vector<BenchmarkSamples> present(const Side& side);

// The session's exit status: 3 when a reporter lost something, 1 when a benchmark
// failed, crashed or timed out on any side, else 0.
int session_exit_status(const std::vector<Side>& sides,
                        const std::vector<std::unique_ptr<Reporter>>& reporters);

}  // namespace idiombench
