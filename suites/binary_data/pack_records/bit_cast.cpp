// pack_records/bit_cast: each field std::bit_cast to an array of its bytes, reversed when
// the order is not the machine's, and copied to its offset: no memcpy, no shifts, and
// constexpr-friendly.
#include <algorithm>
#include <array>
#include <bit>

#include "byte_swap.hpp"
#include "pack_records/case.hpp"

namespace idiombench::binary_data::pack_records {
namespace {

template <ByteOrder Order, class T>
void store(std::uint8_t* at, T value) {
  auto bytes = std::bit_cast<std::array<std::uint8_t, sizeof(T)>>(value);
  if ((Order == ByteOrder::little) != native_is_little) std::ranges::reverse(bytes);
  std::ranges::copy(bytes, at);
}

template <ByteOrder Order>
void pack(std::span<const Record> records, std::uint8_t* out) {
  pack_fields(records, out, [](std::uint8_t* at, auto value) { store<Order>(at, value); });
}

void bit_cast(std::span<const Record> records, ByteOrder order, std::uint8_t* out) {
  order == ByteOrder::little ? pack<ByteOrder::little>(records, out)
                             : pack<ByteOrder::big>(records, out);
}

[[maybe_unused]] const auto registered = the_case().add_variant(pack_variant("bit_cast", bit_cast));

}  // namespace
}  // namespace idiombench::binary_data::pack_records
