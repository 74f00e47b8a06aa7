// The results document: Google Benchmark's JSON plus idiombench's fields
// (see harness/schema/results.schema.json), and writing it so that it is never seen
// half-written.
#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "plan/plan.hpp"
#include "run/environment.hpp"

namespace idiombench {

inline constexpr int kSchemaVersion = 3;

// The results document's "context": Google Benchmark's fields plus "idiombench" (the
// environment's, with the schema version).
nlohmann::json results_context(const Environment& environment);

// What every entry of a benchmark says about what it is: suite, case, variant, model,
// params, question, baseline, the fingerprint of its code (gate/code_fingerprint.hpp's
// code_fingerprint_of; omitted when empty) and (where the case names one) its physical limit.
nlohmann::json identity_of(const PlannedBenchmark& benchmark, const std::string& code_fingerprint);

// An entry for a benchmark that has no timings: skipped, failed, crashed, timeout.
// `name` is the benchmark's full name, `identity` as identity_of gives it.
nlohmann::json untimed_entry(const std::string& name, const nlohmann::json& identity,
                             const std::string& status, const std::string& reason);

// Sets fraction_of_peak on every timed entry whose case names a physical limit:
// its counter over the best value of that counter among the limit case's timed
// entries in `benchmarks` (nothing when that case was not run).
void apply_physical_limits(nlohmann::json& benchmarks);

// Google Benchmark's meaning for its own fields: "threads" as the name's threads param;
// a skipped entry marked skipped (skip_message), not error_occurred.
void follow_google_benchmark_conventions(nlohmann::json& entries);

// Writes to a temporary file in the same folder, syncs it, and renames it over
// `path`. Throws std::runtime_error (with the system's reason) and leaves any
// previous file untouched on failure.
void write_atomically(const std::string& path, const std::string& content);

// Throws UsageError when `path`'s folder cannot take a new file.
void check_writable(const std::string& path);

// A results file being filled: rewritten atomically as processes finish, at most once a
// second and never more often than every 50 times a rewrite takes, so rewriting is at most
// ~2% of a run (a quick run of every suite spent 118 of its 819 s rewriting its growing
// file after each of 822 processes; at 20 times, 13 of 300 s): a run that is killed loses
// at most the last ~15 s (a 7 MB file takes ~0.3 s to write here). A failed write is reported
// once on stderr and remembered (exit status 3), and the run goes on.
class ResultsFile {
 public:
  ResultsFile(std::string path, nlohmann::json context);
  nlohmann::json& meta() { return document_["context"]["idiombench"]; }
  // Replaces the benchmarks with what `entries` makes and writes the file.
  void save(const std::function<nlohmann::json()>& entries);
  // Whether a second, and 50 times the last save's duration (making the entries
  // included), have passed since it.
  bool due() const;
  const std::string& path() const { return path_; }
  const std::string& write_error() const { return write_error_; }
  const nlohmann::json& benchmarks() const { return document_["benchmarks"]; }

 private:
  std::string path_;
  nlohmann::json document_;
  std::string write_error_;
  std::chrono::steady_clock::time_point saved_{};
  std::chrono::steady_clock::duration save_took_{};
};

}  // namespace idiombench
