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
  store<Order>(out, static_cast<std::uint32_t>(records.size()));
  out += wire::header_bytes;
  for (const auto& r : records) {
    store<Order>(out + wire::id, r.id);
    store<Order>(out + wire::delta, r.delta);
    store<Order>(out + wire::flags, r.flags);
    store<Order>(out + wire::value, r.value);
    store<Order>(out + wire::timestamp, r.timestamp);
    store<Order>(out + wire::weight, r.weight);
    out += wire::record_bytes;
  }
}

void bit_cast(std::span<const Record> records, ByteOrder order, std::uint8_t* out) {
  order == ByteOrder::little ? pack<ByteOrder::little>(records, out)
                             : pack<ByteOrder::big>(records, out);
}

[[maybe_unused]] const auto registered = the_case().add_variant(pack_variant("bit_cast", bit_cast));

}  // namespace
}  // namespace idiombench::binary_data::pack_records
