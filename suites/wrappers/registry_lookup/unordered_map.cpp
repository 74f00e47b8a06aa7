// registry_lookup/unordered_map: the registry as std::unordered_map<std::string, Factory>,
// filled from the self-registrations once, before the first lookup.
#include <unordered_map>

#include "registry_lookup/case.hpp"

namespace idiombench::wrappers::registry_lookup {
namespace {

const std::unordered_map<std::string, Factory>& registry() {
  static const auto map = [] {
    std::unordered_map<std::string, Factory> m;
    for (const auto& r : registrations()) m.emplace(r.name, r.make);
    return m;
  }();
  return map;
}

Output unordered_map(const Input& in) {
  const auto& map = registry();
  return construct_all(in, [&map](const std::string& name) {
    auto at = map.find(name);
    if (at == map.end()) throw UnknownName(name);
    return at->second();
  });
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "unordered_map", .model = "serial", .run = unordered_map});

}  // namespace
}  // namespace idiombench::wrappers::registry_lookup
