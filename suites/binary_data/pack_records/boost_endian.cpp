// pack_records/boost_endian: Boost.Endian's endian_store<T, N, order> writes each field
// in the given order at any address — the library made for network byte order.
#include <boost/endian/conversion.hpp>

#include "pack_records/case.hpp"

namespace idiombench::binary_data::pack_records {
namespace {

template <boost::endian::order Order, class T>
void store(std::uint8_t* at, T value) {
  boost::endian::endian_store<T, sizeof(T), Order>(at, value);
}

template <boost::endian::order Order>
void pack(std::span<const Record> records, std::uint8_t* out) {
  pack_fields(records, out, [](std::uint8_t* at, auto value) { store<Order>(at, value); });
}

void boost_endian(std::span<const Record> records, ByteOrder order, std::uint8_t* out) {
  namespace endian = boost::endian;
  order == ByteOrder::little ? pack<endian::order::little>(records, out)
                             : pack<endian::order::big>(records, out);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant(pack_variant("boost_endian", boost_endian));

}  // namespace
}  // namespace idiombench::binary_data::pack_records
