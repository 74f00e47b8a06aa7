// The function each slice is handed to (see case.hpp), once per kind of slice.
#include "zero_copy_slices/case.hpp"

namespace idiombench::binary_data::zero_copy_slices {

namespace {
template <class Bytes>
std::uint64_t summarise(const Bytes& s) {
  if (s.empty()) return 0;
  return summary(s.size(), static_cast<unsigned char>(s.front()),
                 static_cast<unsigned char>(s.back()));
}
}  // namespace

std::uint64_t consume(std::span<const std::byte> slice) {
  return summarise(slice);
}
std::uint64_t consume(std::string_view slice) {
  return summarise(slice);
}
std::uint64_t consume(const std::vector<std::byte>& slice) {
  return summarise(slice);
}
std::uint64_t consume(const std::string& slice) {
  return summarise(slice);
}

}  // namespace idiombench::binary_data::zero_copy_slices
