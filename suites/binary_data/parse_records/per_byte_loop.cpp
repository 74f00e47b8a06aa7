// parse_records/per_byte_loop: the naive way — each field assembled from its bytes with
// shifts and ORs, the byte order decided per byte at run time.
#include <bit>

#include "parse_records/case.hpp"

namespace idiombench::binary_data::parse_records {
namespace {

std::uint64_t get(const std::uint8_t* at, unsigned bytes, ByteOrder order) {
  std::uint64_t v = 0;
  for (unsigned b = 0; b < bytes; ++b) {
    unsigned shift = 8 * (order == ByteOrder::little ? b : bytes - 1 - b);
    v |= std::uint64_t{at[b]} << shift;
  }
  return v;
}

std::optional<std::size_t> per_byte_loop(std::span<const std::uint8_t> buffer, ByteOrder order,
                                         std::span<Record> out) {
  auto count =
      checked_count(buffer, out, [order](const std::uint8_t* at) { return get(at, 4, order); });
  if (!count) return count;
  const std::uint8_t* at = buffer.data() + wire::header_bytes;
  for (std::size_t i = 0; i < *count; ++i, at += wire::record_bytes) {
    out[i] = {static_cast<std::uint32_t>(get(at + wire::id, 4, order)),
              static_cast<std::int16_t>(get(at + wire::delta, 2, order)),
              static_cast<std::uint8_t>(get(at + wire::flags, 1, order)),
              std::bit_cast<double>(get(at + wire::value, 8, order)),
              get(at + wire::timestamp, 8, order),
              std::bit_cast<float>(static_cast<std::uint32_t>(get(at + wire::weight, 4, order)))};
  }
  return count;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(parse_variant("per_byte_loop", per_byte_loop));

}  // namespace
}  // namespace idiombench::binary_data::parse_records
