// parse_records/per_byte_loop: the naive way — each field assembled from its bytes with
// shifts and ORs, the byte order decided per byte at run time.
#include <bit>
#include <type_traits>

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
  return parse_with(buffer, out, [order]<class T>(const std::uint8_t* at, Tag<T>) {
    auto bits = get(at, sizeof(T), order);
    if constexpr (std::is_floating_point_v<T>) {
      return std::bit_cast<T>(
          static_cast<std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>>(bits));
    } else {
      return static_cast<T>(bits);
    }
  });
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(parse_variant("per_byte_loop", per_byte_loop));

}  // namespace
}  // namespace idiombench::binary_data::parse_records
