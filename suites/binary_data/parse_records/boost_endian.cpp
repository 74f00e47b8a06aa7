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
  return parse_with(buffer, out,
                    []<class T>(const std::uint8_t* at, Tag<T>) { return load<T, Order>(at); });
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
