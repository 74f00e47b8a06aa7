// wrappers/registry_lookup, the source document's `register` class decorator: readers
// register themselves by name at start-up; the case looks names up and constructs the
// reader, through std::unordered_map, absl::flat_hash_map, a sorted array searched
// binary, or a switch on an enum (a closed set, no registry at all). An unknown name is
// an error (UnknownName), which the caller counts.
#pragma once

#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "idiombench/case.hpp"
#include "registry_lookup/products.hpp"

namespace idiombench::wrappers::registry_lookup {

struct UnknownName : std::out_of_range {
  explicit UnknownName(const std::string& name) : std::out_of_range("no reader named " + name) {}
};

struct Input {
  std::vector<std::string> names;  // to look up, in order
};

struct Output {
  std::uint64_t tags = 0;     // sum of (i + 1) * tag of the i-th reader made: order-sensitive
  std::uint64_t unknown = 0;  // names that were not registered
  friend bool operator==(const Output&, const Output&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Output& o) {
    return os << "{tags " << o.tags << ", unknown " << o.unknown << "}";
  }
};

Case<Input, Output>& the_case();

// Constructs a reader for every name with `create` (which throws UnknownName for a name
// it does not know) and sums what they say they are.
template <class Create>
Output construct_all(const Input& in, Create create) {
  Output out;
  std::uint64_t i = 0;
  for (const auto& name : in.names) {
    ++i;
    try {
      std::unique_ptr<Reader> reader = create(name);
      out.tags += i * reader->tag();
    } catch (const UnknownName&) {
      ++out.unknown;
    }
  }
  return out;
}

}  // namespace idiombench::wrappers::registry_lookup
