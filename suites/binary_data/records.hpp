// The records pack_records and parse_records move to and from bytes, and their wire
// layout: Python's struct format "<IhBdQf" (or ">IhBdQf"), 27 bytes, no padding, so most
// fields sit at odd offsets. A buffer is a u32 record count, then the records; both in
// the chosen byte order, starting `offset` bytes into the allocation (0 is aligned).
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "idiombench/params.hpp"

namespace idiombench::binary_data {

struct Record {
  std::uint32_t id = 0;
  std::int16_t delta = 0;
  std::uint8_t flags = 0;
  double value = 0;
  std::uint64_t timestamp = 0;
  float weight = 0;
  // Bitwise, so a NaN that went through unchanged compares equal and -0.0 is not 0.0.
  friend bool operator==(const Record& a, const Record& b) {
    return a.id == b.id && a.delta == b.delta && a.flags == b.flags &&
           std::bit_cast<std::uint64_t>(a.value) == std::bit_cast<std::uint64_t>(b.value) &&
           a.timestamp == b.timestamp &&
           std::bit_cast<std::uint32_t>(a.weight) == std::bit_cast<std::uint32_t>(b.weight);
  }
  friend std::ostream& operator<<(std::ostream& os, const Record& r) {
    return os << "{" << r.id << ", " << r.delta << ", " << unsigned{r.flags} << ", " << r.value
              << ", " << r.timestamp << ", " << r.weight << "}";
  }
};

// Field offsets in a record on the wire.
namespace wire {
inline constexpr std::size_t id = 0, delta = 4, flags = 6, value = 7, timestamp = 15, weight = 23;
inline constexpr std::size_t record_bytes = 27;
inline constexpr std::size_t header_bytes = 4;
inline constexpr std::size_t buffer_bytes(std::size_t records) {
  return header_bytes + records * record_bytes;
}
}  // namespace wire

enum class ByteOrder { little, big };

// "order" and "offset" from the params, checked.
ByteOrder byte_order(const Params& p);
std::size_t start_offset(const Params& p);

// n records whose every field varies (values include negatives, NaN-free fractions,
// large timestamps), the same for every variant.
std::vector<Record> sample_records(std::size_t n);

// The byte-at-a-time definition of the layout: what every packing must produce.
void pack_reference(std::span<const Record> records, ByteOrder order, std::span<std::uint8_t> out);

}  // namespace idiombench::binary_data
