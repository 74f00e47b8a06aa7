#include "gate/code_selection.hpp"

#include <algorithm>
#include <random>

namespace idiombench {

const char* to_string(CodeChange change) {
  switch (change) {
    case CodeChange::changed:
      return "changed";
    case CodeChange::unknown:
      return "unknown";
    case CodeChange::unchanged:
      return "unchanged";
    case CodeChange::sentinel:
      return "sentinel";
  }
  return "unknown";
}

std::vector<CodeChange> select_by_code(const std::vector<std::string>& baseline,
                                       const std::vector<std::string>& candidate, int sentinels,
                                       std::uint64_t seed, const std::vector<bool>& runnable) {
  std::vector<CodeChange> verdicts;
  std::vector<std::size_t> unchanged;
  for (std::size_t i = 0; i < baseline.size() && i < candidate.size(); ++i) {
    if (baseline[i].empty() || candidate[i].empty()) {
      verdicts.push_back(CodeChange::unknown);  // an older binary: everything changed
    } else if (baseline[i] != candidate[i]) {
      verdicts.push_back(CodeChange::changed);
    } else {
      verdicts.push_back(CodeChange::unchanged);
      if (runnable.empty() || (i < runnable.size() && runnable[i])) unchanged.push_back(i);
    }
  }
  // Our own Fisher-Yates over mt19937_64: the same seed picks the same sentinels everywhere.
  std::mt19937_64 random(seed ^ 0x5e471e15ULL);
  for (std::size_t i = unchanged.size(); i > 1; --i)
    std::swap(unchanged[i - 1], unchanged[random() % i]);
  const auto picked =
      std::min<std::size_t>(unchanged.size(), static_cast<std::size_t>(std::max(0, sentinels)));
  for (std::size_t k = 0; k < picked; ++k) verdicts[unchanged[k]] = CodeChange::sentinel;
  return verdicts;
}

}  // namespace idiombench
