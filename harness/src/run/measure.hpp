// Measuring one benchmark inside the current process: build the input, verify the
// variant against the reference, then time it with Google Benchmark.
#pragma once

#include <nlohmann/json.hpp>

#include "plan/plan.hpp"

namespace idiombench {

struct MeasureOptions {
  int repetitions = 3;
  double min_time = 0.05;     // seconds per repetition
  bool instructions = false;  // count instructions (under callgrind) instead of timing
  int iterations = 5;         // instruction mode: iterations counted, after one warm-up
};

// Returns a fragment: {"status", "reason", "verified", "checksum", "runs": [...]}
// where runs are Google Benchmark's JSON entries renamed to the benchmark's name.
// A wrong answer gives status "failed" and no runs. In instruction mode there is one
// run of `iterations` iterations, counted by callgrind (the parent reads the count).
nlohmann::json measure(const PlannedBenchmark& benchmark, const MeasureOptions& options);

// The harness's timed loop (Google Benchmark's iterations around PreparedCase::run), for the
// timing fingerprint: where the code between a repetition's clock reads starts that is not
// the variant's.
const void* timing_loop_entry();

// ci/gate-experiment.sh's injected slowdown: how often the variant of benchmark `name` runs
// once more (every N-th iteration), 0 in every build not configured for it.
long injected_every(const std::string& name);

}  // namespace idiombench
