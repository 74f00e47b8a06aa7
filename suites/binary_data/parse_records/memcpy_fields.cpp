// parse_records/memcpy_fields: each field std::memcpy'd from its (unaligned) offset into
// an integer of its size, byte-swapped unless the order is the machine's.
#include <cstring>

#include "byte_swap.hpp"
#include "parse_records/case.hpp"

namespace idiombench::binary_data::parse_records {
namespace {

template <class T, ByteOrder Order>
T load(const std::uint8_t* at) {
  BitsOf<T> bits;
  std::memcpy(&bits, at, sizeof bits);
  return from_order<T, Order>(bits);
}

template <ByteOrder Order>
std::optional<std::size_t> parse(std::span<const std::uint8_t> buffer, std::span<Record> out) {
  return parse_with(buffer, out,
                    []<class T>(const std::uint8_t* at, Tag<T>) { return load<T, Order>(at); });
}

std::optional<std::size_t> memcpy_fields(std::span<const std::uint8_t> buffer, ByteOrder order,
                                         std::span<Record> out) {
  return order == ByteOrder::little ? parse<ByteOrder::little>(buffer, out)
                                    : parse<ByteOrder::big>(buffer, out);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(parse_variant("memcpy_fields", memcpy_fields));

}  // namespace
}  // namespace idiombench::binary_data::parse_records
