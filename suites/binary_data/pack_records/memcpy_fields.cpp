// pack_records/memcpy_fields: each field byte-swapped when the order is not the
// machine's, then std::memcpy'd to its offset — the portable way to store at an unaligned
// address, which compilers turn into one (unaligned) store per field.
#include <cstring>

#include "byte_swap.hpp"
#include "pack_records/case.hpp"

namespace idiombench::binary_data::pack_records {
namespace {

template <ByteOrder Order, class T>
void store(std::uint8_t* at, T value) {
  auto bits = in_order<Order>(value);
  std::memcpy(at, &bits, sizeof bits);
}

template <ByteOrder Order>
void pack(std::span<const Record> records, std::uint8_t* out) {
  pack_fields(records, out, [](std::uint8_t* at, auto value) { store<Order>(at, value); });
}

void memcpy_fields(std::span<const Record> records, ByteOrder order, std::uint8_t* out) {
  order == ByteOrder::little ? pack<ByteOrder::little>(records, out)
                             : pack<ByteOrder::big>(records, out);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(pack_variant("memcpy_fields", memcpy_fields));

}  // namespace
}  // namespace idiombench::binary_data::pack_records
