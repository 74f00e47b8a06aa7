// What registry_lookup registers: sixteen file-format readers behind one interface, each
// its own type, registered by name at static initialisation (products.cpp), as a Python
// class registers itself with the `register` decorator when its module is imported.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace idiombench::wrappers::registry_lookup {

class Reader {
 public:
  virtual ~Reader() = default;
  // Which reader this is (distinct per type): what the case checks.
  virtual std::uint64_t tag() const = 0;
};

inline constexpr std::array<std::string_view, 16> reader_names = {
    "csv",     "json", "xml",     "yaml", "toml", "ini",    "protobuf", "avro",
    "parquet", "orc",  "msgpack", "cbor", "bson", "thrift", "capnp",    "flatbuffers"};

constexpr std::uint64_t tag_of(std::size_t k) {
  return 1000 + 7 * k;
}

template <std::size_t K>
class FormatReader final : public Reader {
 public:
  std::uint64_t tag() const override { return tag_of(K); }
};

template <std::size_t K>
std::unique_ptr<Reader> make_reader() {
  return std::make_unique<FormatReader<K>>();
}

using Factory = std::unique_ptr<Reader> (*)();
struct Registration {
  std::string name;
  Factory make;
};

// Everything registered so far, in registration order (products.cpp registers the
// readers during static initialisation).
const std::vector<Registration>& registrations();
// Adds one: what each reader's static registrar calls.
bool register_reader(std::string name, Factory make);

}  // namespace idiombench::wrappers::registry_lookup
