// The compact console table printed at the end of a run: per case and params point,
// variants sorted by time with their speedup over the baseline variant.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

namespace idiombench {

void print_summary(const nlohmann::json& benchmarks, std::ostream& out);

// "312 ns", "4.52 us", "1.20 s".
std::string format_duration_ns(double nanoseconds);

}  // namespace idiombench
