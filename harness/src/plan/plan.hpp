// Which benchmarks a command is about: the registry filtered by the user's selection,
// expanded over a profile's params grid (or over the conformance sizes).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "idiombench/registry.hpp"

namespace idiombench {

// Bad input from the user (unknown suite, bad regex...): exit 2, one line.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Selection {
  std::vector<std::string> suites;    // empty: all
  std::vector<std::string> variants;  // empty: all
  std::vector<std::string> models;    // empty: all
  std::string filter;                 // RE2 regex searched in the full name (name_filter.hpp)
  std::string profile = "quick";
};

struct PlannedBenchmark {
  const CaseBase* the_case = nullptr;
  std::size_t variant = 0;
  Params params;
  std::string name;  // suite/case/variant/param:value/...

  const CaseInfo& info() const { return the_case->info(); }
  const VariantInfo& variant_info() const { return the_case->variants()[variant]; }
  // "suite/case/variant": what availability is decided for.
  std::string variant_key() const;
};

// "suite/case/variant" of a variant of the case `info`.
std::string variant_key(const CaseInfo& info, const std::string& variant);

// Whether each variant can run on this machine. Asking a variant may be costly and leaves
// traces in the process that asks (a Python variant's answer starts CPython and imports
// numba; a GPU variant's opens the driver), so a command decides it once, in a process
// of its own (environment.hpp), and every other step reads the answers.
class Availability {
 public:
  // Every variant assumed available: for a benchmark's own process, which only needs to
  // find its benchmark by name (the parent decided it can run).
  static Availability assume_all();
  // Asked in this process on first use, then remembered.
  static Availability asked_here();
  // Answers decided elsewhere: variant key -> why not; a key absent is available.
  static Availability from(std::map<std::string, std::string> unavailable);

  // Empty when `benchmark`'s variant can run here; otherwise why not.
  std::string why_unavailable(const PlannedBenchmark& benchmark) const;
  // Empty when it is to be measured; otherwise why not (unavailable here, or skipped at
  // these params).
  std::string why_skipped(const PlannedBenchmark& benchmark) const;

 private:
  enum class Source { assumed, here, given };
  Source source_ = Source::assumed;
  mutable std::map<std::string, std::string> reasons_;  // asked_here: filled as asked
};

// The distinct variant keys of `planned`, in their first order.
std::vector<std::string> variant_keys(const std::vector<PlannedBenchmark>& planned);

std::string benchmark_name(const CaseInfo& info, const std::string& variant, const Params& params);

// The params of `benchmark` that its case's baseline variant takes too: the point it is
// compared at. A param only some models take (threads for the parallel ones) is left
// out, so `openmp threads:2` is compared with the serial baseline at the same size.
// Decided by the case's declaration alone, whichever variants a run selects.
Params shared_params(const PlannedBenchmark& benchmark);

// Every (case, variant, params point) of the selection's profile, and the baseline wherever
// a variant that `availability` says can run needs a point of it to be compared with.
// Throws UsageError when the selection names something that does not exist.
std::vector<PlannedBenchmark> plan_benchmarks(const Selection& selection,
                                              const Availability& availability);
// Every (case, variant, conformance size) of the selection.
std::vector<PlannedBenchmark> plan_conformance(const Selection& selection);

}  // namespace idiombench
