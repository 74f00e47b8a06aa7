// The tool's own cost, a figure every session reports: where its wall time went (planning,
// starting processes, verifying, measuring, writing) and how long a benchmark's process
// takes from its start to its first timed repetition, for C++ and for Python variants.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace idiombench {

// CLOCK_MONOTONIC in nanoseconds: one clock for every process of the machine, so the
// parent's readings and its child's can be subtracted.
std::int64_t monotonic_ns();

// One benchmark process's phases in seconds, from the child's clock readings ("found_ns":
// it has found its benchmark, "first_timed_ns", "done_ns") and the parent's spawn and reap:
// start_s (exec, loading, registration, finding), verify_s (input, reference, the checked
// run), measure_s, exit_s, and overhead_s (start to the first timed repetition). A phase
// whose readings are missing (a crash, an older binary) is left out.
nlohmann::json process_cost(const nlohmann::json& clock, std::int64_t spawned, std::int64_t reaped);

// Whether a variant of this name is written in Python (they are all named py_...).
bool is_python_variant(const std::string& variant);

// A session's account: started when constructed.
class SessionCost {
 public:
  SessionCost();
  // Planning ends: the first benchmark process is about to start.
  void planned();
  // A benchmark process of `benchmark` ended with `fragment`; `python`: it ran a Python
  // variant.
  void add_process(const nlohmann::json& fragment, bool python, const std::string& benchmark);
  // Adds the time since `since` to what the reporters (results file, console) spent.
  void add_writing(std::chrono::steady_clock::time_point since);
  double wall_seconds() const;
  // {"wall_s", "planning_s", "process_start_s", "verification_s", "measuring_s",
  //  "process_exit_s", "writing_s", "other_s", "processes", "unclocked_processes",
  //  "per_process": {"cpp"|"python": {"processes", "start_s", "overhead_s"}},
  //  "slowest": [{"name", "total_s", "verify_s", "measure_s"}]}, each per-process figure as
  // {"min", "median", "max"} over the processes; "slowest": the kSlowest longest-lived
  // processes, longest first (what to shrink when a profile is slow).
  nlohmann::json summary() const;

 private:
  static constexpr std::size_t kSlowest = 5;
  struct Process {
    std::string benchmark;
    bool python;
    double start, verify, measure, exit;
    double overhead;  // negative: unknown
  };
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  double planning_ = 0, writing_ = 0;
  double unclocked_ = 0;  // the lives of processes without clock readings
  std::size_t unclocked_processes_ = 0;
  std::vector<Process> processes_;
};

// "own cost: 12.3 s = planning 0.2 + ...; per process to first timed repetition: C++
// median 0.04 s (min 0.03, max 0.09, 40 processes), Python ..." from a summary.
std::string describe_cost(const nlohmann::json& summary);

}  // namespace idiombench
