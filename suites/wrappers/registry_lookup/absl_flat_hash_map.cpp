// registry_lookup/absl_flat_hash_map: the registry as absl::flat_hash_map (open
// addressing, SIMD probing), filled from the self-registrations once.
#include "absl/container/flat_hash_map.h"
#include "registry_lookup/case.hpp"

namespace idiombench::wrappers::registry_lookup {
namespace {

const absl::flat_hash_map<std::string, Factory>& registry() {
  static const auto map = [] {
    absl::flat_hash_map<std::string, Factory> m;
    for (const auto& r : registrations()) m.emplace(r.name, r.make);
    return m;
  }();
  return map;
}

Output absl_flat_hash_map(const Input& in) {
  const auto& map = registry();
  return construct_all(in, [&map](const std::string& name) {
    auto at = map.find(name);
    if (at == map.end()) throw UnknownName(name);
    return at->second();
  });
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "absl_flat_hash_map", .model = "serial", .run = absl_flat_hash_map});

}  // namespace
}  // namespace idiombench::wrappers::registry_lookup
