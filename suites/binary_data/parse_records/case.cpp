#include "parse_records/case.hpp"

#include <algorithm>
#include <limits>

namespace idiombench::binary_data::parse_records {
namespace {

ParamGrid grid(std::vector<std::int64_t> sizes) {
  return {{"order", {std::string("little"), std::string("big")}},
          integer_axis("offset", {0, 1}),
          integer_axis("n", std::move(sizes)),
          integer_axis("truncate", {0})};
}

Params point(const char* order, std::int64_t offset, std::int64_t n, std::int64_t truncate) {
  return {{"order", std::string(order)}, {"offset", offset}, {"n", n}, {"truncate", truncate}};
}

// The buffer of n records, `truncate` bytes short, in an allocation of exactly its size.
Input make_input(const Params& p) {
  auto n = p.integer("n"), truncate = p.integer("truncate");
  if (n < 0 || n > 50'000'000) throw std::invalid_argument("n must be in [0, 5e7]");
  auto records = sample_records(static_cast<std::size_t>(n));
  Input in{{}, byte_order(p), start_offset(p), {}};
  std::vector<std::uint8_t> whole(in.offset + wire::buffer_bytes(records.size()), 0xAB);
  pack_reference(records, in.order, std::span(whole).subspan(in.offset));
  if (truncate < 0 || static_cast<std::uint64_t>(truncate) > whole.size() - in.offset) {
    throw std::invalid_argument("truncate must be in [0, the buffer's size]");
  }
  in.bytes.assign(whole.begin(), whole.end() - truncate);
  in.bytes.shrink_to_fit();
  in.workspace.resize(records.size());
  return in;
}

// The records by the definition: pack_reference's layout read back byte by byte.
Expected reference(const Input& in) {
  auto buffer = std::span(in.bytes).subspan(in.offset);
  auto get = [&](std::size_t at, std::size_t bytes) {
    std::uint64_t v = 0;
    for (std::size_t b = 0; b < bytes; ++b) {
      auto byte = buffer[at + (in.order == ByteOrder::little ? bytes - 1 - b : b)];
      v = v << 8 | byte;
    }
    return v;
  };
  if (buffer.size() < wire::header_bytes) return {{}, true};
  auto count = get(0, 4);
  if (wire::buffer_bytes(count) > buffer.size()) return {{}, true};
  Expected out{std::vector<Record>(count), false};
  for (std::size_t i = 0; i < count; ++i) {
    auto at = wire::header_bytes + i * wire::record_bytes;
    out.records[i] = {static_cast<std::uint32_t>(get(at + wire::id, 4)),
                      static_cast<std::int16_t>(get(at + wire::delta, 2)),
                      static_cast<std::uint8_t>(get(at + wire::flags, 1)),
                      std::bit_cast<double>(get(at + wire::value, 8)),
                      get(at + wire::timestamp, 8),
                      std::bit_cast<float>(static_cast<std::uint32_t>(get(at + wire::weight, 4)))};
  }
  return out;
}

std::optional<std::string> same(const Output& got, const Expected& expected) {
  if (got.truncated != expected.truncated) {
    return std::string(expected.truncated ? "accepted a truncated buffer"
                                          : "called a whole buffer truncated");
  }
  return detail::compare_ranges(got.records, expected.records,
                                [](const Record& a, const Record& b) { return a == b; });
}

}  // namespace

VariantSpec<Input, Output> parse_variant(std::string name, ParseFunction parse) {
  return {.name = std::move(name), .model = "serial", .run = [parse](const Input& in) -> Output {
            auto count = parse(std::span(in.bytes).subspan(in.offset), in.order, in.workspace);
            if (!count) return {{}, true};
            return {std::span<const Record>(in.workspace).first(*count), false};
          }};
}

Case<Input, Output, Expected>& the_case() {
  static auto& c = define_case<Input, Output, Expected>({
      .name = "parse_records",
      .question = "struct.unpack_from in C++: what does reading fixed-layout records back cost "
                  "with memcpy, std::bit_cast, Boost.Endian or a byte-at-a-time loop, in each "
                  "byte order, aligned or not — and is a truncated buffer refused without "
                  "reading past its end?",
      .make_input = make_input,
      .reference = reference,
      .equivalence = same,
      .quick = grid({100000}),
      .full = grid({1000, 100000, 2000000}),
      .conformance = {point("little", 0, 0, 0), point("big", 0, 0, 1), point("little", 1, 0, 4),
                      point("little", 0, 1, 0), point("big", 3, 1, 1), point("little", 1, 2, 26),
                      point("big", 0, 17, 27), point("little", 5, 17, 0), point("big", 1, 1000, 0),
                      point("little", 0, 1001, 13)},
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("n"));
            return Throughput{.items = n,
                              .bytes_read = n * wire::record_bytes,
                              .bytes_written = n * sizeof(Record)};
          },
      .item = "record",
      .baseline = "memcpy_fields",
      .checksum = [](const Output& out) -> std::optional<double> {
        double sum = out.truncated ? -1 : 0;
        for (const auto& r : out.records) sum += r.id;
        return sum;
      },
      // A record a variant forgets to write holds NaN and a poisoned id, never a lucky match.
      .before_verification =
          [](Input& in) {
            std::fill(in.workspace.begin(), in.workspace.end(),
                      Record{0xDEADBEEF, -1, 0xEE, std::numeric_limits<double>::quiet_NaN(),
                             ~std::uint64_t{0}, std::numeric_limits<float>::quiet_NaN()});
          },
  });
  return c;
}

}  // namespace idiombench::binary_data::parse_records
