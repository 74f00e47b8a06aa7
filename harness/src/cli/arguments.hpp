// Checks on what a user types, made before any work: every argument valid UTF-8 (names,
// filters and paths end up in JSON, which must be UTF-8), a subcommand idiombench knows,
// numbers finite and in range, and error messages one short line however long the
// offending argument.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace idiombench {

// Throws UsageError for an argument that is not UTF-8, or a first argument that is
// neither an option nor one of `commands`.
void check_raw_arguments(int argc, const char* const* argv,
                         const std::vector<std::string>& commands);

// A whole number that fits in 64 bits unsigned (CLI11 would wrap a longer one).
CLI::Validator unsigned_64();

// A fraction, written "3%" or "0.03": in (0, 1).
CLI::Validator fraction();
// A duration, "90", "90s", "10m" or "1h", as seconds in (0, max].
CLI::Validator duration_up_to(double max);
// Seconds: a finite number in (0, max].
CLI::Validator seconds_up_to(double max);
// A machine's label: 1 to 64 bytes, no control characters (it is shown and compared as is).
CLI::Validator machine_label_check();

// A parse error as one line of at most ~200 characters.
std::string one_line(std::string message);

bool valid_utf8(const std::string& text);

}  // namespace idiombench
