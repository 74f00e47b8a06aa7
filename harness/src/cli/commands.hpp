// The idiombench subcommands. Each returns the process exit status:
// 0 success, 1 a benchmark failed / crashed / timed out, 2 bad usage,
// 3 the results could not be written.
#pragma once

#include <string>
#include <vector>

#include "gate/ab_command.hpp"
#include "plan/plan.hpp"
#include "plan/run_options.hpp"
#include "run/child.hpp"

namespace idiombench {

int list_command(const Selection& selection, bool json);
int info_command(bool json);
// Internal: the backends' probe and which of `variants` can run here, as JSON on the
// result descriptor (environment.hpp).
int backends_command(bool backends, const std::vector<std::string>& variants);
int run_command(const RunOptions& options);
int verify_command(const Selection& selection, double timeout);

}  // namespace idiombench
