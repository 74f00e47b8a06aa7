#include "plan/name_filter.hpp"

#include <re2/re2.h>

#include "plan/plan.hpp"

namespace idiombench {
namespace {

constexpr std::size_t kMaxPatternBytes = 4096;
constexpr std::int64_t kMaxProgramBytes = 8 << 20;

}  // namespace

NameFilter::NameFilter(const std::string& pattern) {
  if (pattern.empty()) return;
  if (pattern.size() > kMaxPatternBytes) {
    throw UsageError("--filter is " + std::to_string(pattern.size()) + " bytes long; at most " +
                     std::to_string(kMaxPatternBytes));
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kMaxProgramBytes);
  re_ = std::make_unique<RE2>(pattern, options);
  if (!re_->ok()) {
    throw UsageError("bad --filter regular expression: " + re_->error() +
                     " (RE2 syntax: no backreferences or lookaround)");
  }
}

NameFilter::~NameFilter() = default;
NameFilter::NameFilter(NameFilter&&) noexcept = default;
NameFilter& NameFilter::operator=(NameFilter&&) noexcept = default;

bool NameFilter::matches(std::string_view name) const {
  return !re_ || RE2::PartialMatch(re2::StringPiece(name.data(), name.size()), *re_);
}

}  // namespace idiombench
