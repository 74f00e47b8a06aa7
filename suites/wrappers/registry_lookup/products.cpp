// The readers' self-registration: one static registrar per reader type, run before main.
#include "registry_lookup/products.hpp"

#include <utility>

namespace idiombench::wrappers::registry_lookup {

namespace {
std::vector<Registration>& mutable_registrations() {
  static std::vector<Registration> all;
  return all;
}

// A reader's registrar: a static whose initialiser registers FormatReader<K>.
template <std::size_t K>
struct Registrar {
  static inline const bool done = register_reader(std::string(reader_names[K]), &make_reader<K>);
};

template <std::size_t... K>
bool register_all(std::index_sequence<K...>) {
  return (Registrar<K>::done && ...);
}

[[maybe_unused]] const bool registered =
    register_all(std::make_index_sequence<reader_names.size()>{});
}  // namespace

const std::vector<Registration>& registrations() {
  return mutable_registrations();
}

bool register_reader(std::string name, Factory make) {
  mutable_registrations().push_back({std::move(name), make});
  return true;
}

}  // namespace idiombench::wrappers::registry_lookup
