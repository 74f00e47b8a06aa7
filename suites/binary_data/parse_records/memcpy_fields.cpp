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
  auto count = checked_count(buffer, out, load<std::uint32_t, Order>);
  if (!count) return count;
  const std::uint8_t* at = buffer.data() + wire::header_bytes;
  for (std::size_t i = 0; i < *count; ++i, at += wire::record_bytes) {
    out[i] = {load<std::uint32_t, Order>(at + wire::id),
              load<std::int16_t, Order>(at + wire::delta),
              load<std::uint8_t, Order>(at + wire::flags),
              load<double, Order>(at + wire::value),
              load<std::uint64_t, Order>(at + wire::timestamp),
              load<float, Order>(at + wire::weight)};
  }
  return count;
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
