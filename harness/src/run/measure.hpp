// Measuring one benchmark inside the current process: build the input, verify the
// variant against the reference, then time it with Google Benchmark.
#pragma once

#include <nlohmann/json.hpp>

#include "plan/plan.hpp"

namespace benchmark {
class State;
}

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

// One repetition's timed loop: Google Benchmark's iterations around PreparedCase::run. With
// `every` > 0 (the injected slowdown below) it takes 1/every longer, whatever the number of
// iterations: a whole extra run every `every`-th iteration, or where that would round too
// coarsely, a spin after each run of 1/every of its time.
void time_iterations(benchmark::State& state, PreparedCase& prepared, std::size_t variant,
                     long every);

// ci/gate-experiment.sh's injected slowdown: how often the variant of benchmark `name` runs
// once more (every N-th iteration), 0 in every build not configured for it.
long injected_every(const std::string& name);

}  // namespace idiombench
