// Process-level sampling: a benchmark's repetitions are spread over several fresh
// child processes, run in a shuffled order across the whole selection, because the
// process (its address-space layout, page placement, core and neighbours) is the unit
// of independence. This file plans the slots and turns the processes of one benchmark
// into its results entries.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace idiombench {

// One child process to run: a benchmark (index into the run's list) and which of its
// processes (for `ab`: which pair) this is.
struct Slot {
  std::size_t benchmark;
  int process;
};

// Every (benchmark, process) slot, in an order shuffled with `seed`: the same seed,
// the same order, on every platform (mt19937_64 and our own Fisher-Yates).
std::vector<Slot> shuffled_slots(std::size_t benchmarks, int processes, std::uint64_t seed);

// A seed from the system's entropy, for runs that do not name one.
std::uint64_t fresh_seed();

// Everything measured for one benchmark by one binary: its processes' fragments.
struct BenchmarkSamples {
  std::string name;             // suite/case/variant/params
  nlohmann::json identity;      // as identity_of() gives it
  std::string unavailable;      // non-empty: skipped here, with this reason
  int planned_processes = 1;    // K
  int planned_repetitions = 0;  // over all K processes (what an untimed entry says it asked)
  bool instructions = false;    // fragments carry callgrind instruction counts
  bool exact = false;           // ... and those counts are deterministic for this model
  struct Process {
    int index;
    nlohmann::json fragment;  // {"status", "reason", "verified", "checksum", "runs"}
  };
  std::vector<Process> processes;  // in the order they ran

  // A process failed, crashed or timed out: the remaining ones are not run.
  bool settled() const;
  // Whether slot `process` is to be run: not settled, and one of its planned processes.
  bool wants(int process) const { return !settled() && process < planned_processes; }
  // Its results entries: the repetitions of every process so far (each with its
  // process_index), then mean/median/stddev/cv over all of them; or one untimed entry
  // (skipped, or the first process that was not ok); empty before any process ran.
  nlohmann::json entries() const;
  // "ok", "skipped", or the status of the first process that was not ok.
  std::string status() const;
};

}  // namespace idiombench
