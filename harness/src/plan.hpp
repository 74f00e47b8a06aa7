// Which benchmarks a command is about: the registry filtered by the user's selection,
// expanded over a profile's params grid (or over the conformance sizes).
#pragma once

#include <cstddef>
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
  // Empty when it is to be measured; otherwise why not (unavailable here, or skipped at
  // these params).
  std::string why_skipped() const;
};

std::string benchmark_name(const CaseInfo& info, const std::string& variant, const Params& params);

// The params of `benchmark` that its case's baseline variant takes too: the point it is
// compared at. A param only some models take (threads for the parallel ones) is left
// out, so `openmp threads:2` is compared with the serial baseline at the same size.
// Decided by the case's declaration alone, whichever variants a run selects.
Params shared_params(const PlannedBenchmark& benchmark);

// Every (case, variant, params point) of the selection's profile. Throws UsageError
// when the selection names something that does not exist.
std::vector<PlannedBenchmark> plan_benchmarks(const Selection& selection);
// Every (case, variant, conformance size) of the selection.
std::vector<PlannedBenchmark> plan_conformance(const Selection& selection);

}  // namespace idiombench
