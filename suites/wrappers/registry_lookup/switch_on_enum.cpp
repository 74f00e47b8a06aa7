// registry_lookup/switch_on_enum: a closed set instead of a registry: the name is
// recognised by a switch on its first character and one comparison (as a lexer
// recognises keywords), and a switch on the enum constructs the reader directly — no
// function pointer. Adding a reader means editing this file, which is what a registry
// avoids; this is what that costs or saves.
#include <optional>

#include "registry_lookup/case.hpp"

namespace idiombench::wrappers::registry_lookup {
namespace {

enum class Format : std::uint8_t {
  csv,
  json,
  xml,
  yaml,
  toml,
  ini,
  protobuf,
  avro,
  parquet,
  orc,
  msgpack,
  cbor,
  bson,
  thrift,
  capnp,
  flatbuffers
};
static_assert(static_cast<std::size_t>(Format::flatbuffers) + 1 == reader_names.size());

std::optional<Format> recognise(std::string_view s) {
  auto is = [s](std::string_view word, Format f) -> std::optional<Format> {
    if (s == word) return f;
    return std::nullopt;
  };
  if (s.empty()) return std::nullopt;
  switch (s[0]) {
    case 'a':
      return is("avro", Format::avro);
    case 'b':
      return is("bson", Format::bson);
    case 'c':
      if (s.size() == 3) return is("csv", Format::csv);
      if (s.size() == 4) return is("cbor", Format::cbor);
      return is("capnp", Format::capnp);
    case 'f':
      return is("flatbuffers", Format::flatbuffers);
    case 'i':
      return is("ini", Format::ini);
    case 'j':
      return is("json", Format::json);
    case 'm':
      return is("msgpack", Format::msgpack);
    case 'o':
      return is("orc", Format::orc);
    case 'p':
      if (s.size() == 7) return is("parquet", Format::parquet);
      return is("protobuf", Format::protobuf);
    case 't':
      if (s.size() == 4) return is("toml", Format::toml);
      return is("thrift", Format::thrift);
    case 'x':
      return is("xml", Format::xml);
    case 'y':
      return is("yaml", Format::yaml);
    default:
      return std::nullopt;
  }
}

std::unique_ptr<Reader> create(const std::string& name) {
  auto format = recognise(name);
  if (!format) throw UnknownName(name);
  switch (*format) {
    case Format::csv:
      return make_reader<0>();
    case Format::json:
      return make_reader<1>();
    case Format::xml:
      return make_reader<2>();
    case Format::yaml:
      return make_reader<3>();
    case Format::toml:
      return make_reader<4>();
    case Format::ini:
      return make_reader<5>();
    case Format::protobuf:
      return make_reader<6>();
    case Format::avro:
      return make_reader<7>();
    case Format::parquet:
      return make_reader<8>();
    case Format::orc:
      return make_reader<9>();
    case Format::msgpack:
      return make_reader<10>();
    case Format::cbor:
      return make_reader<11>();
    case Format::bson:
      return make_reader<12>();
    case Format::thrift:
      return make_reader<13>();
    case Format::capnp:
      return make_reader<14>();
    case Format::flatbuffers:
      return make_reader<15>();
  }
  throw UnknownName(name);
}

Output switch_on_enum(const Input& in) {
  return construct_all(in, create);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "switch_on_enum", .model = "serial", .run = switch_on_enum});

}  // namespace
}  // namespace idiombench::wrappers::registry_lookup
