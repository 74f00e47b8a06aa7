// binary_data/pack_records, the source document's `struct` for binary data: fixed-layout
// records (records.hpp) into bytes, in either byte order, starting aligned or not —
// field by field with std::memcpy, through std::bit_cast, with Boost.Endian, or one byte
// at a time with shifts. The output must match the byte-at-a-time definition exactly.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "idiombench/case.hpp"
#include "records.hpp"

namespace idiombench::binary_data::pack_records {

struct Input {
  std::vector<Record> records;
  ByteOrder order = ByteOrder::little;
  std::size_t offset = 0;
  // Where the variants write: offset bytes, then the packed buffer.
  mutable std::vector<std::uint8_t> workspace;
};
using Output = std::span<const std::uint8_t>;  // the packed bytes, in the workspace
using Expected = std::vector<std::uint8_t>;

Case<Input, Output, Expected>& the_case();

// A packing: writes header and records at `out` (wire::buffer_bytes(records) bytes).
using PackFunction = void (*)(std::span<const Record> records, ByteOrder order, std::uint8_t* out);

// Writes the count and every record's fields at their offsets with `store(at, value)`
// (value of the field's own type): the variants differ only in how one field is stored.
template <class Store>
void pack_fields(std::span<const Record> records, std::uint8_t* out, Store store) {
  store(out, static_cast<std::uint32_t>(records.size()));
  out += wire::header_bytes;
  for (const auto& r : records) {
    store(out + wire::id, r.id);
    store(out + wire::delta, r.delta);
    store(out + wire::flags, r.flags);
    store(out + wire::value, r.value);
    store(out + wire::timestamp, r.timestamp);
    store(out + wire::weight, r.weight);
    out += wire::record_bytes;
  }
}

// The variant that packs into the workspace with `pack`.
VariantSpec<Input, Output> pack_variant(std::string name, PackFunction pack);

}  // namespace idiombench::binary_data::pack_records
