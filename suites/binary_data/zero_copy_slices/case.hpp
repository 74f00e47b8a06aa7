// binary_data/zero_copy_slices: handing slices of a large buffer to a function that
// looks at a few of their bytes (a header, a trailer, the length) — as a view
// (std::span, std::string_view: no bytes move) or as a copy (std::vector, std::string:
// every byte moves, and a heap allocation per slice). Counter: bytes copied.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "idiombench/case.hpp"

namespace idiombench::binary_data::zero_copy_slices {

struct Slice {
  std::size_t offset = 0, length = 0;
};

struct Input {
  std::string buffer;  // the large buffer (bytes 0..255)
  std::vector<Slice> slices;
};
using Output = std::uint64_t;  // the sum of what the consumer says of each slice

Case<Input, Output>& the_case();

// What the consumer computes from a slice: its length and first and last bytes. In
// consumer.cpp, so that no copy can be optimised away: the slice is passed to a function
// the caller cannot see into, as to another library.
std::uint64_t consume(std::span<const std::byte> slice);
std::uint64_t consume(std::string_view slice);
std::uint64_t consume(const std::vector<std::byte>& slice);
std::uint64_t consume(const std::string& slice);

// The definition consume() follows.
constexpr std::uint64_t summary(std::size_t length, unsigned char first, unsigned char last) {
  return length == 0 ? 0 : length * 3 + first * 31u + last;
}

}  // namespace idiombench::binary_data::zero_copy_slices
