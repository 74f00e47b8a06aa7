// registry_lookup/sorted_array: the registrations copied once into a std::array sorted by
// name, searched with std::lower_bound: no hashing, log2(16) = 4 string comparisons.
#include <algorithm>

#include "registry_lookup/case.hpp"

namespace idiombench::wrappers::registry_lookup {
namespace {

struct Entry {
  std::string_view name;
  Factory make = nullptr;
};
using Table = std::array<Entry, reader_names.size()>;

const Table& registry() {
  static const Table table = [] {
    const auto& all = registrations();
    if (all.size() != reader_names.size()) throw std::logic_error("registrations out of step");
    Table t{};
    std::transform(all.begin(), all.end(), t.begin(), [](const Registration& r) {
      return Entry{r.name, r.make};
    });
    std::sort(t.begin(), t.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return t;
  }();
  return table;
}

Output sorted_array(const Input& in) {
  const auto& table = registry();
  return construct_all(in, [&table](const std::string& name) {
    auto at = std::lower_bound(table.begin(), table.end(), std::string_view(name),
                               [](const Entry& e, std::string_view n) { return e.name < n; });
    if (at == table.end() || at->name != name) throw UnknownName(name);
    return at->make();
  });
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "sorted_array", .model = "serial", .run = sorted_array});

}  // namespace
}  // namespace idiombench::wrappers::registry_lookup
