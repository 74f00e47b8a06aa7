// parse_records/bit_cast: each field's bytes copied into a std::array, reversed unless
// the order is the machine's, and std::bit_cast to the field's type.
#include <algorithm>
#include <array>
#include <bit>

#include "byte_swap.hpp"
#include "parse_records/case.hpp"

namespace idiombench::binary_data::parse_records {
namespace {

template <class T, ByteOrder Order>
T load(const std::uint8_t* at) {
  std::array<std::uint8_t, sizeof(T)> bytes;
  std::copy_n(at, sizeof(T), bytes.begin());
  if ((Order == ByteOrder::little) != native_is_little) std::ranges::reverse(bytes);
  return std::bit_cast<T>(bytes);
}

template <ByteOrder Order>
std::optional<std::size_t> parse(std::span<const std::uint8_t> buffer, std::span<Record> out) {
  return parse_with(buffer, out,
                    []<class T>(const std::uint8_t* at, Tag<T>) { return load<T, Order>(at); });
}

std::optional<std::size_t> bit_cast(std::span<const std::uint8_t> buffer, ByteOrder order,
                                    std::span<Record> out) {
  return order == ByteOrder::little ? parse<ByteOrder::little>(buffer, out)
                                    : parse<ByteOrder::big>(buffer, out);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(parse_variant("bit_cast", bit_cast));

}  // namespace
}  // namespace idiombench::binary_data::parse_records
