#include "pack_records/case.hpp"

#include <algorithm>

namespace idiombench::binary_data::pack_records {
namespace {

ParamGrid grid(std::vector<std::int64_t> sizes) {
  return {{"order", {std::string("little"), std::string("big")}},
          integer_axis("offset", {0, 1}),
          integer_axis("n", std::move(sizes))};
}

Params point(const char* order, std::int64_t offset, std::int64_t n) {
  return {{"order", std::string(order)}, {"offset", offset}, {"n", n}};
}

}  // namespace

VariantSpec<Input, Output> pack_variant(std::string name, PackFunction pack) {
  return {.name = std::move(name), .model = "serial", .run = [pack](const Input& in) -> Output {
            std::uint8_t* out = in.workspace.data() + in.offset;
            pack(in.records, in.order, out);
            return {out, wire::buffer_bytes(in.records.size())};
          }};
}

Case<Input, Output, Expected>& the_case() {
  static auto& c = define_case<Input, Output, Expected>({
      .name = "pack_records",
      .question = "struct.pack_into in C++: what does writing fixed-layout records (27 bytes, "
                  "fields at odd offsets) cost with memcpy, std::bit_cast, Boost.Endian or a "
                  "byte-at-a-time loop, in native and in network byte order, aligned or not?",
      .make_input =
          [](const Params& p) {
            auto n = p.integer("n");
            if (n < 0 || n > 50'000'000) throw std::invalid_argument("n must be in [0, 5e7]");
            Input in{
                sample_records(static_cast<std::size_t>(n)), byte_order(p), start_offset(p), {}};
            in.workspace.resize(in.offset + wire::buffer_bytes(in.records.size()));
            return in;
          },
      .reference =
          [](const Input& in) {
            Expected out(wire::buffer_bytes(in.records.size()));
            pack_reference(in.records, in.order, out);
            return out;
          },
      .quick = grid({100000}),
      .full = grid({1000, 100000, 2000000}),
      .conformance = {point("little", 0, 0), point("big", 0, 0), point("little", 1, 1),
                      point("big", 3, 1), point("little", 0, 2), point("big", 1, 17),
                      point("little", 7, 1000), point("big", 0, 1001)},
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("n"));
            return Throughput{.items = n,
                              .bytes_read = n * sizeof(Record),
                              .bytes_written = n * wire::record_bytes};
          },
      .item = "record",
      .baseline = "memcpy_fields",
      // A byte a variant forgets to write is 0xCD, not a lucky 0.
      .before_verification =
          [](Input& in) {
            std::fill(in.workspace.begin(), in.workspace.end(), std::uint8_t{0xCD});
          },
  });
  return c;
}

}  // namespace idiombench::binary_data::pack_records
