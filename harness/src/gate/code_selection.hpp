// Which benchmarks of an `ab` session to time: those whose code fingerprint differs
// between the two binaries (or that either binary cannot fingerprint), plus a seeded
// sample of the unchanged ones, the sentinels, that guards the method itself: a sentinel
// flagged says the fingerprint missed something (data, inputs) or the host misled.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace idiombench {

enum class CodeChange { changed, unknown, unchanged, sentinel };

const char* to_string(CodeChange change);

// One verdict per benchmark, from the fingerprints of each side ("" when a side has
// none). The sentinels are drawn from the unchanged benchmarks that can run here
// (`runnable`, all when empty): one that is unavailable would guard nothing.
std::vector<CodeChange> select_by_code(const std::vector<std::string>& baseline,
                                       const std::vector<std::string>& candidate, int sentinels,
                                       std::uint64_t seed, const std::vector<bool>& runnable = {});

inline bool timed(CodeChange change) {
  return change != CodeChange::unchanged;
}

}  // namespace idiombench
