// pack_records/per_byte_loop: the naive way — every byte of every field shifted out and
// stored on its own, the byte order decided per byte at run time. Compilers merge such
// stores only when the pattern is fixed at compile time, which here it is not.
#include <bit>

#include "pack_records/case.hpp"

namespace idiombench::binary_data::pack_records {
namespace {

void put(std::uint8_t* at, std::uint64_t v, unsigned bytes, ByteOrder order) {
  for (unsigned b = 0; b < bytes; ++b) {
    unsigned shift = 8 * (order == ByteOrder::little ? b : bytes - 1 - b);
    at[b] = static_cast<std::uint8_t>(v >> shift);
  }
}

void per_byte_loop(std::span<const Record> records, ByteOrder order, std::uint8_t* out) {
  put(out, records.size(), 4, order);
  out += wire::header_bytes;
  for (const auto& r : records) {
    put(out + wire::id, r.id, 4, order);
    put(out + wire::delta, static_cast<std::uint16_t>(r.delta), 2, order);
    put(out + wire::flags, r.flags, 1, order);
    put(out + wire::value, std::bit_cast<std::uint64_t>(r.value), 8, order);
    put(out + wire::timestamp, r.timestamp, 8, order);
    put(out + wire::weight, std::bit_cast<std::uint32_t>(r.weight), 4, order);
    out += wire::record_bytes;
  }
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(pack_variant("per_byte_loop", per_byte_loop));

}  // namespace
}  // namespace idiombench::binary_data::pack_records
