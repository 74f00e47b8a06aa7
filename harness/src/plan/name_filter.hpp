// The --filter of list, verify, run and ab: an RE2 regular expression searched in each
// benchmark's full name. RE2 runs in time linear in the name whatever the pattern (no
// backtracking) and parses without recursion, so a hostile pattern is refused or
// matched quickly, never a crash or a hang; it lacks backreferences and lookaround.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace idiombench {

class NameFilter {
 public:
  // Empty matches everything. A pattern that is too long, too large to compile or
  // malformed is a UsageError naming the problem.
  explicit NameFilter(const std::string& pattern);
  ~NameFilter();
  NameFilter(NameFilter&&) noexcept;
  NameFilter& operator=(NameFilter&&) noexcept;

  bool matches(std::string_view name) const;

 private:
  std::unique_ptr<re2::RE2> re_;
};

}  // namespace idiombench
