// iteration/lazy_memory: a pipeline over a large generated dataset. Eager stages
// hold every intermediate list; lazy ones hold one record at a time.
#pragma once

#include <cstddef>
#include <cstdint>

#include "idiombench/case.hpp"

namespace idiombench::iteration::lazy_memory {

struct Input {
  std::size_t records;  // generated on the fly from their index: nothing is stored
};
using Output = std::int64_t;

Case<Input, Output>& the_case();

struct Record {
  std::uint64_t key;
  std::int32_t amount;
  std::uint32_t category;
};

// Record i of the dataset (splitmix64 of i): the same on every machine.
inline Record make_record(std::size_t i) {
  std::uint64_t z = (i + 1) * 0x9E3779B97F4A7C15u;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  z ^= z >> 31;
  return {z, static_cast<std::int32_t>((z >> 8) & 0xFFFF) - 32768,
          static_cast<std::uint32_t>(z & 3)};
}

inline constexpr auto is_selected = [](const Record& r) { return r.category == 0; };
inline constexpr auto weighted_amount = [](const Record& r) { return std::int64_t{r.amount} * 3; };

}  // namespace idiombench::iteration::lazy_memory
