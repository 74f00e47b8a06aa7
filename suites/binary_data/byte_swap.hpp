// A field's bits in a chosen byte order (std::byteswap is C++23): what memcpy_fields
// stores and what it loads back.
#pragma once

#include <bit>
#include <concepts>
#include <cstdint>

#include "records.hpp"

namespace idiombench::binary_data {

// The unsigned integer with T's size.
template <class T>
using BitsOf = std::conditional_t<
    sizeof(T) == 1, std::uint8_t,
    std::conditional_t<sizeof(T) == 2, std::uint16_t,
                       std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>>>;

template <std::unsigned_integral U>
constexpr U byte_swap(U u) {
  if constexpr (sizeof(U) == 1) return u;
  if constexpr (sizeof(U) == 2) return __builtin_bswap16(u);
  if constexpr (sizeof(U) == 4) return __builtin_bswap32(u);
  if constexpr (sizeof(U) == 8) return __builtin_bswap64(u);
}

inline constexpr bool native_is_little = std::endian::native == std::endian::little;

// T's bits, swapped unless Order is the machine's.
template <ByteOrder Order, class T>
BitsOf<T> in_order(T value) {
  auto bits = std::bit_cast<BitsOf<T>>(value);
  return (Order == ByteOrder::little) == native_is_little ? bits : byte_swap(bits);
}

// The inverse: a T from bits in Order.
template <class T, ByteOrder Order>
T from_order(BitsOf<T> bits) {
  return std::bit_cast<T>((Order == ByteOrder::little) == native_is_little ? bits
                                                                           : byte_swap(bits));
}

}  // namespace idiombench::binary_data
