#include "idiombench/registry.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "idiombench/case.hpp"
#include "idiombench/model.hpp"

namespace idiombench {

std::optional<std::size_t> CaseBase::variant_index(std::string_view name) const {
  const auto& all = variants();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].name == name) return i;
  }
  return std::nullopt;
}

const ParamGrid& grid_for(const CaseInfo& info, std::string_view profile) {
  if (profile == "quick") return info.quick;
  if (profile == "full") return info.full;
  throw std::invalid_argument("unknown profile '" + std::string(profile) + "'");
}

Registry& Registry::instance() {
  static Registry registry;
  return registry;
}

void Registry::add(std::unique_ptr<CaseBase> a_case) {
  for (const auto& existing : cases_) {
    if (existing->info().suite == a_case->info().suite &&
        existing->info().name == a_case->info().name) {
      detail::registration_error("case " + a_case->info().suite + "/" + a_case->info().name +
                                 " is defined twice");
    }
  }
  cases_.push_back(std::move(a_case));
}

std::vector<const CaseBase*> Registry::cases() const {
  std::vector<const CaseBase*> sorted;
  for (const auto& c : cases_) sorted.push_back(c.get());
  std::sort(sorted.begin(), sorted.end(), [](const CaseBase* a, const CaseBase* b) {
    return std::tie(a->info().suite, a->info().name) < std::tie(b->info().suite, b->info().name);
  });
  return sorted;
}

std::vector<std::string> Registry::suites() const {
  std::vector<std::string> names;
  for (const auto* c : cases()) {
    if (names.empty() || names.back() != c->info().suite) names.push_back(c->info().suite);
  }
  return names;
}

std::vector<std::string> Registry::problems() const {
  std::vector<std::string> found;
  const auto models = declared_models();
  for (const auto* c : cases()) {
    for (const auto& v : c->variants()) {
      const bool declared = std::any_of(models.begin(), models.end(),
                                        [&](const ModelSpec& m) { return m.name == v.model; });
      if (!declared) {
        found.push_back("variant " + c->info().suite + "/" + c->info().name + "/" + v.name +
                        " has model '" + v.model + "', which no suite declares (declare_model)");
      }
    }
  }
  return found;
}

namespace detail {

std::string describe_current_exception() {
  try {
    throw;
  } catch (const std::exception& e) {
    return std::string("an exception: ") + e.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

void registration_error(const std::string& message) {
  // Static registration runs before main: no exception can be caught there.
  std::fprintf(stderr, "idiombench: registration error: %s\n", message.c_str());
  std::abort();
}

}  // namespace detail
}  // namespace idiombench
