// Deliberately wrong variants, linked into binary_data_conformance only: each case's
// conformance must reject its mutant at one point at least (conformance_main checks).
#include <algorithm>
#include <cstring>

#include "aos_vs_soa/case.hpp"
#include "pack_records/case.hpp"
#include "parse_records/case.hpp"
#include "zero_copy_slices/case.hpp"

namespace idiombench::binary_data {
namespace {

// Packs in the machine's order whatever order was asked for (right only for little).
void native_order_pack(std::span<const Record> records, ByteOrder, std::uint8_t* out) {
  pack_reference(records, ByteOrder::little, {out, wire::buffer_bytes(records.size())});
}

// Trusts the buffer: never reports truncation (it stops at the buffer's end), and
// copies only the ids.
std::optional<std::size_t> trusting_parse(std::span<const std::uint8_t> buffer, ByteOrder order,
                                          std::span<Record> out) {
  if (buffer.size() < wire::header_bytes) return 0;
  std::uint64_t count = 0;
  for (std::size_t b = 0; b < 4; ++b) {
    count |= std::uint64_t{buffer[order == ByteOrder::little ? b : 3 - b]} << (8 * b);
  }
  count = std::min<std::uint64_t>({count, out.size(), (buffer.size() - 4) / wire::record_bytes});
  for (std::size_t i = 0; i < count; ++i) {
    std::memcpy(&out[i].id, buffer.data() + 4 + i * wire::record_bytes, 4);
  }
  return static_cast<std::size_t>(count);
}

// Sets px but forgets py.
double half_update(const aos_vs_soa::Input& in) {
  double sum = 0;
  for (auto& p : in.aos) {
    if (in.op == aos_vs_soa::Operation::set_positions) {
      p.px = p.vx * aos_vs_soa::time_step;
      sum += p.px + p.vy * aos_vs_soa::time_step;
    } else {
      sum += p.mass;
    }
  }
  return sum;
}

// Copies one byte too few of each slice (an off-by-one in the end).
zero_copy_slices::Output short_copy(const zero_copy_slices::Input& in) {
  zero_copy_slices::Output sum = 0;
  for (auto [at, length] : in.slices) {
    sum += zero_copy_slices::consume(in.buffer.substr(at, length > 0 ? length - 1 : 0));
  }
  return sum;
}

[[maybe_unused]] const auto mutants = {
    pack_records::the_case().add_variant(
        pack_records::pack_variant("mutant_native_order", native_order_pack)),
    parse_records::the_case().add_variant(
        parse_records::parse_variant("mutant_trusts_the_header", trusting_parse)),
    aos_vs_soa::the_case().add_variant(
        aos_vs_soa::layout_variant("mutant_forgets_py", aos_vs_soa::Layout::aos, half_update)),
    zero_copy_slices::the_case().add_variant(
        {.name = "mutant_short_copy", .model = "serial", .run = short_copy}),
};

}  // namespace
}  // namespace idiombench::binary_data
