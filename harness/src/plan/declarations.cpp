// The models and backends suites declare (idiombench/model.hpp, idiombench/backend.hpp).
#include <algorithm>
#include <map>

#include "idiombench/backend.hpp"
#include "idiombench/case.hpp"
#include "idiombench/model.hpp"

namespace idiombench {
namespace {

// Function-local statics: declarations run during static initialisation, in any order.
std::map<std::string, ModelSpec, std::less<>>& models() {
  static std::map<std::string, ModelSpec, std::less<>> declared;
  return declared;
}

std::map<std::string, BackendSpec>& backends() {
  static std::map<std::string, BackendSpec> declared;
  return declared;
}

}  // namespace

bool well_formed_model_name(std::string_view name) {
  if (name.empty() || name.size() > 32 || name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Registration declare_model(ModelSpec spec) {
  if (!well_formed_model_name(spec.name)) {
    detail::registration_error("model name '" + spec.name +
                               "' is not lower-case letters, digits and '_'");
  }
  if (spec.description.empty()) {
    detail::registration_error("model '" + spec.name + "' is declared without a description");
  }
  auto name = spec.name;
  models().emplace(std::move(name), std::move(spec));
  return {};
}

std::vector<ModelSpec> declared_models() {
  std::vector<ModelSpec> all;
  for (const auto& [name, spec] : models()) all.push_back(spec);
  return all;
}

std::optional<ModelSpec> find_model(std::string_view name) {
  auto found = models().find(name);
  if (found == models().end()) return std::nullopt;
  return found->second;
}

Registration declare_backend(BackendSpec spec) {
  if (spec.name.empty() || !spec.probe) {
    detail::registration_error("a backend needs a name and a probe");
  }
  const auto name = spec.name;
  if (!backends().emplace(name, std::move(spec)).second) {
    detail::registration_error("backend '" + name + "' is declared twice");
  }
  return {};
}

std::vector<BackendSpec> declared_backends() {
  std::vector<BackendSpec> all;
  for (const auto& [name, spec] : backends()) all.push_back(spec);
  return all;
}

}  // namespace idiombench
