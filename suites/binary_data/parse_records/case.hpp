// binary_data/parse_records, struct.unpack_from in C++: the buffers pack_records writes
// (records.hpp) back into records, with memcpy, std::bit_cast, Boost.Endian or a
// byte-at-a-time loop. A buffer shorter than its header says is an error, found before
// any record is read: nothing is read past its end (the ASan build runs the
// conformance points with exactly sized, truncated buffers).
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <vector>

#include "idiombench/case.hpp"
#include "records.hpp"

namespace idiombench::binary_data::parse_records {

struct Input {
  std::vector<std::uint8_t> bytes;  // `offset` bytes, then the buffer (maybe truncated)
  ByteOrder order = ByteOrder::little;
  std::size_t offset = 0;
  mutable std::vector<Record> workspace;  // where the variants put the records
};

struct Output {
  std::span<const Record> records;
  bool truncated = false;
};
struct Expected {
  std::vector<Record> records;
  bool truncated = false;
};

Case<Input, Output, Expected>& the_case();

// A parser: the records of `buffer` into `out`, their count; nullopt when the buffer is
// shorter than its header or its header's count needs. Throws if `out` is too small.
using ParseFunction = std::optional<std::size_t> (*)(std::span<const std::uint8_t> buffer,
                                                     ByteOrder order, std::span<Record> out);

// The variant that parses the input's buffer into the workspace with `parse`.
VariantSpec<Input, Output> parse_variant(std::string name, ParseFunction parse);

// Which field type a loader is asked for.
template <class T>
struct Tag {};

// The records of `buffer` into `out` with `load(at, Tag<T>{})`, which returns the field of
// type T stored at `at`: the variants differ only in how one field is read. The count is
// checked against the buffer's length before any record is read.
template <class Load>
std::optional<std::size_t> parse_with(std::span<const std::uint8_t> buffer, std::span<Record> out,
                                      Load load) {
  if (buffer.size() < wire::header_bytes) return std::nullopt;
  std::uint64_t count = load(buffer.data(), Tag<std::uint32_t>{});
  if ((buffer.size() - wire::header_bytes) / wire::record_bytes < count) return std::nullopt;
  if (count > out.size()) throw std::length_error("parse_records: the output is too small");
  const std::uint8_t* at = buffer.data() + wire::header_bytes;
  for (std::size_t i = 0; i < count; ++i, at += wire::record_bytes) {
    out[i] = {load(at + wire::id, Tag<std::uint32_t>{}),
              load(at + wire::delta, Tag<std::int16_t>{}),
              load(at + wire::flags, Tag<std::uint8_t>{}),
              load(at + wire::value, Tag<double>{}),
              load(at + wire::timestamp, Tag<std::uint64_t>{}),
              load(at + wire::weight, Tag<float>{})};
  }
  return static_cast<std::size_t>(count);
}

}  // namespace idiombench::binary_data::parse_records
