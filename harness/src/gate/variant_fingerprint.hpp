// The code fingerprint of a variant and of a planned benchmark: what results files record
// in each entry's identity and what the gate compares between two builds.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "plan/plan.hpp"

namespace idiombench {

// The hex fingerprint of the machine code a variant's timed call runs (code_fingerprint.hpp),
// or empty when this binary cannot tell (no symbol table, unknown entry). Computed once per
// variant.
std::string code_fingerprint_of(const VariantInfo& variant);

// The variant's fingerprint, with ci/gate-experiment.sh's injected slowdown hashed in where
// this build injects it into the benchmark.
std::string code_fingerprint_of(const PlannedBenchmark& benchmark);

// The fingerprint of the harness's code on a benchmark's timed path that is not the
// variant's: the timed loop (run/measure.cpp) and the case's timed call (the Context it
// makes, the call through the variant table, keeping the output). The same for every
// variant of a case; empty when this binary cannot tell. `ab` times every benchmark whose
// timing fingerprint differs between the two binaries.
std::string timing_fingerprint_of(const PlannedBenchmark& benchmark);

// identity_of (results/results.hpp) with both fingerprints.
nlohmann::json fingerprinted_identity(const PlannedBenchmark& benchmark);

}  // namespace idiombench
