// pack_records/per_byte_loop: the naive way — every byte of every field shifted out and
// stored on its own, the byte order decided per byte at run time. Compilers merge such
// stores only when the pattern is fixed at compile time, which here it is not.
#include <bit>
#include <type_traits>

#include "pack_records/case.hpp"

namespace idiombench::binary_data::pack_records {
namespace {

void put(std::uint8_t* at, std::uint64_t v, unsigned bytes, ByteOrder order) {
  for (unsigned b = 0; b < bytes; ++b) {
    unsigned shift = 8 * (order == ByteOrder::little ? b : bytes - 1 - b);
    at[b] = static_cast<std::uint8_t>(v >> shift);
  }
}

// A field as the unsigned integer of its size, for the shifts.
template <class T>
std::uint64_t bits_of(T value) {
  if constexpr (std::is_floating_point_v<T>) {
    return std::bit_cast<std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>>(value);
  } else {
    return static_cast<std::make_unsigned_t<T>>(value);
  }
}

void per_byte_loop(std::span<const Record> records, ByteOrder order, std::uint8_t* out) {
  pack_fields(records, out, [order](std::uint8_t* at, auto value) {
    put(at, bits_of(value), sizeof value, order);
  });
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(pack_variant("per_byte_loop", per_byte_loop));

}  // namespace
}  // namespace idiombench::binary_data::pack_records
