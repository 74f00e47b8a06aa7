// parse_records/boost_endian: Boost.Endian's endian_load<T, N, order> reads each field in
// the given order from any address.
#include <boost/endian/conversion.hpp>

#include "parse_records/case.hpp"

namespace idiombench::binary_data::parse_records {
namespace {

template <class T, boost::endian::order Order>
T load(const std::uint8_t* at) {
  return boost::endian::endian_load<T, sizeof(T), Order>(at);
}

template <boost::endian::order Order>
std::optional<std::size_t> parse(std::span<const std::uint8_t> buffer, std::span<Record> out) {
  auto count = checked_count(buffer, out, load<std::uint32_t, Order>);
  if (!count) return count;
  const std::uint8_t* at = buffer.data() + wire::header_bytes;
  for (std::size_t i = 0; i < *count; ++i, at += wire::record_bytes) {
    out[i] = {load<std::uint32_t, Order>(at + wire::id),
              load<std::int16_t, Order>(at + wire::delta),
              load<std::uint8_t, Order>(at + wire::flags),
              load<double, Order>(at + wire::value),
              load<std::uint64_t, Order>(at + wire::timestamp),
              load<float, Order>(at + wire::weight)};
  }
  return count;
}

std::optional<std::size_t> boost_endian(std::span<const std::uint8_t> buffer, ByteOrder order,
                                        std::span<Record> out) {
  namespace endian = boost::endian;
  return order == ByteOrder::little ? parse<endian::order::little>(buffer, out)
                                    : parse<endian::order::big>(buffer, out);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(parse_variant("boost_endian", boost_endian));

}  // namespace
}  // namespace idiombench::binary_data::parse_records
