// The binary_data suite's contracts beyond what conformance compares: the wire layout is
// Python's struct "<IhBdQf" / ">IhBdQf" byte for byte; truncated buffers are allocated at
// exactly their size (so the ASan build sees any read past the end); the copying slice
// variants count the bytes they copy and the views count none.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse_records/case.hpp"
#include "records.hpp"
#include "zero_copy_slices/case.hpp"

namespace idiombench::binary_data {
namespace {

const Record one{0x01020304u, -2, 0xA5, 1.0, 0x1122334455667788u, -0.5f};

TEST(Records, TheLayoutIsStructsLittleEndianFormat) {
  std::vector<std::uint8_t> out(wire::buffer_bytes(1));
  pack_reference(std::span(&one, 1), ByteOrder::little, out);
  // struct.pack("<I", 1) + struct.pack("<IhBdQf", 0x01020304, -2, 0xA5, 1.0, 0x1122334455667788,
  // -0.5)
  std::vector<std::uint8_t> expected = {1,    0,    0,    0,                             // count
                                        4,    3,    2,    1,                             // id
                                        0xFE, 0xFF,                                      // delta
                                        0xA5,                                            // flags
                                        0,    0,    0,    0,    0,    0,    0xF0, 0x3F,  // 1.0
                                        0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11,  // ts
                                        0,    0,    0,    0xBF};                         // -0.5f
  EXPECT_EQ(out, expected);
}

TEST(Records, BigEndianReversesEveryFieldAndNothingElse) {
  std::vector<std::uint8_t> little(wire::buffer_bytes(1)), big(wire::buffer_bytes(1));
  pack_reference(std::span(&one, 1), ByteOrder::little, little);
  pack_reference(std::span(&one, 1), ByteOrder::big, big);
  const std::size_t fields[][2] = {{0, 4},
                                   {4 + wire::id, 4},
                                   {4 + wire::delta, 2},
                                   {4 + wire::flags, 1},
                                   {4 + wire::value, 8},
                                   {4 + wire::timestamp, 8},
                                   {4 + wire::weight, 4}};
  std::size_t covered = 0;
  for (auto [at, size] : fields) {
    for (std::size_t b = 0; b < size; ++b) EXPECT_EQ(big[at + b], little[at + size - 1 - b]);
    covered += size;
  }
  EXPECT_EQ(covered, big.size()) << "the fields cover the buffer without gaps";
}

TEST(Records, AWrongSizedBufferIsRefused) {
  std::vector<std::uint8_t> short_buffer(wire::buffer_bytes(1) - 1);
  EXPECT_THROW(pack_reference(std::span(&one, 1), ByteOrder::little, short_buffer),
               std::length_error);
}

TEST(ParseRecords, TruncatedBuffersHaveNoSpareCapacity) {
  for (std::int64_t truncate : {0, 1, 26, 27}) {
    Params p{{"order", std::string("big")}, {"offset", 1}, {"n", 5}, {"truncate", truncate}};
    auto in = parse_records::the_case().spec().make_input(p);
    EXPECT_EQ(in.bytes.size(), 1 + wire::buffer_bytes(5) - static_cast<std::size_t>(truncate));
    EXPECT_EQ(in.bytes.capacity(), in.bytes.size()) << "ASan would not see a read past the end";
  }
}

TEST(ParseRecords, TheReferenceRefusesEveryShortBuffer) {
  for (std::int64_t truncate = 1; truncate <= 31; ++truncate) {
    Params p{{"order", std::string("little")}, {"offset", 0}, {"n", 1}, {"truncate", truncate}};
    const auto& spec = parse_records::the_case().spec();
    EXPECT_TRUE(spec.reference(spec.make_input(p)).truncated) << truncate;
  }
}

// The counters the verification run of `variant` reports at `p`.
std::map<std::string, double> counters_of(const CaseBase& c, const std::string& variant,
                                          const Params& p) {
  auto prepared = c.prepare(p);
  for (std::size_t i = 0; i < c.variants().size(); ++i) {
    if (c.variants()[i].name != variant) continue;
    auto v = prepared->verify(i);
    EXPECT_TRUE(v.ok) << variant << ": " << v.mismatch;
    return v.counters;
  }
  ADD_FAILURE() << "no variant " << variant;
  return {};
}

TEST(ZeroCopySlices, CopiesCountTheirBytesAndViewsNone) {
  Params p{{"buffer_bytes", 4096}, {"n", 50}, {"slice_bytes", 100}};
  const auto& c = zero_copy_slices::the_case();
  EXPECT_EQ(counters_of(c, "span", p).at("bytes_copied"), 0);
  EXPECT_EQ(counters_of(c, "string_view", p).at("bytes_copied"), 0);
  EXPECT_EQ(counters_of(c, "copy_vector", p).at("bytes_copied"), 5000);
  EXPECT_EQ(counters_of(c, "copy_string", p).at("bytes_copied"), 5000);
}

}  // namespace
}  // namespace idiombench::binary_data
