// The code fingerprint of a variant and of a planned benchmark: what results files record
// in each entry's identity and what the gate compares between two builds.
#pragma once

#include <string>

#include "plan/plan.hpp"

namespace idiombench {

// The hex fingerprint of the machine code a variant's timed call runs (code_fingerprint.hpp),
// or empty when this binary cannot tell (no symbol table, unknown entry). Computed once per
// variant.
std::string code_fingerprint_of(const VariantInfo& variant);

// The variant's fingerprint, with ci/gate-experiment.sh's injected slowdown hashed in where
// this build injects it into the benchmark.
std::string code_fingerprint_of(const PlannedBenchmark& benchmark);

}  // namespace idiombench
