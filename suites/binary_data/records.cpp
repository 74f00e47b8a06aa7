#include "records.hpp"

#include <algorithm>

namespace idiombench::binary_data {

ByteOrder byte_order(const Params& p) {
  const auto& order = p.text("order");
  if (order == "little") return ByteOrder::little;
  if (order == "big") return ByteOrder::big;
  throw std::invalid_argument("order must be little or big, not " + order);
}

std::size_t start_offset(const Params& p) {
  auto offset = p.integer("offset");
  if (offset < 0 || offset > 63) throw std::invalid_argument("offset must be in [0, 63]");
  return static_cast<std::size_t>(offset);
}

std::vector<Record> sample_records(std::size_t n) {
  std::vector<Record> out(n);
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  for (std::size_t i = 0; i < n; ++i) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    auto bits = state >> 11;
    out[i] = {static_cast<std::uint32_t>(i * 2654435761u),
              static_cast<std::int16_t>(static_cast<std::int64_t>(bits % 65536) - 32768),
              static_cast<std::uint8_t>(bits >> 17),
              (static_cast<double>(bits % 2000001) - 1e6) / 1024.0,
              state,
              static_cast<float>(bits % 4097) / 8.0f - 256.0f};
  }
  return out;
}

namespace {
// Writes the low `bytes` bytes of `v`, least significant first, then reverses them for
// big-endian: the definition, written apart from every variant.
void put(std::uint8_t* at, std::uint64_t v, std::size_t bytes, ByteOrder order) {
  for (std::size_t b = 0; b < bytes; ++b, v >>= 8) at[b] = static_cast<std::uint8_t>(v & 0xFF);
  if (order == ByteOrder::big) std::reverse(at, at + bytes);
}
}  // namespace

void pack_reference(std::span<const Record> records, ByteOrder order, std::span<std::uint8_t> out) {
  if (out.size() != wire::buffer_bytes(records.size())) {
    throw std::length_error("pack_reference: the buffer has the wrong size");
  }
  put(out.data(), records.size(), 4, order);
  std::uint8_t* at = out.data() + wire::header_bytes;
  for (const auto& r : records) {
    put(at + wire::id, r.id, 4, order);
    put(at + wire::delta, static_cast<std::uint16_t>(r.delta), 2, order);
    put(at + wire::flags, r.flags, 1, order);
    put(at + wire::value, std::bit_cast<std::uint64_t>(r.value), 8, order);
    put(at + wire::timestamp, r.timestamp, 8, order);
    put(at + wire::weight, std::bit_cast<std::uint32_t>(r.weight), 4, order);
    at += wire::record_bytes;
  }
}

}  // namespace idiombench::binary_data
