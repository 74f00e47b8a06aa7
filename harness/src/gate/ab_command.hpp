// `idiombench ab`: a baseline and a candidate binary, their processes paired and
// interleaved, every benchmark whose code changed timed until the change is decided.
#pragma once

#include "plan/run_options.hpp"

namespace idiombench {

int ab_command(const RunOptions& options);

}  // namespace idiombench
