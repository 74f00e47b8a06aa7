// The results document: Google Benchmark's JSON plus idiombench's fields
// (see harness/schema/results.schema.json), and writing it so that it is never seen
// half-written.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "plan.hpp"

namespace idiombench {

inline constexpr int kSchemaVersion = 1;

// An entry for a benchmark that has no timings: skipped, failed, crashed, timeout.
nlohmann::json untimed_entry(const PlannedBenchmark& benchmark, const std::string& status,
                             const std::string& reason);

// The entries for a benchmark that a child measured: its fragment's runs with
// idiombench's fields added, or one untimed entry when it did not time.
nlohmann::json entries_from_fragment(const PlannedBenchmark& benchmark,
                                     const nlohmann::json& fragment);

// Sets fraction_of_peak on every timed entry whose case names a physical limit:
// its counter over the best value of that counter among the limit case's timed
// entries in `benchmarks` (nothing when that case was not run).
void apply_physical_limits(nlohmann::json& benchmarks);

// Writes to a temporary file in the same folder, syncs it, and renames it over
// `path`. Throws std::runtime_error (with the system's reason) and leaves any
// previous file untouched on failure.
void write_atomically(const std::string& path, const std::string& content);

// Throws UsageError when `path`'s folder cannot take a new file.
void check_writable(const std::string& path);

}  // namespace idiombench
