// Deterministic pseudo-random inputs from a counter (splitmix64's finaliser): the same
// values on every machine, and cheap enough to fill 10^8 elements.
#pragma once

#include <cstdint>

namespace idiombench::compute {

inline std::uint64_t mix(std::uint64_t i) {
  std::uint64_t z = (i + 1) * 0x9E3779B97F4A7C15u;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

// A double in [0.5, 1.5): no overflow, no cancellation in sums of products.
inline double uniform_near_one(std::uint64_t i) {
  return 0.5 + static_cast<double>(mix(i) >> 11) * 0x1.0p-53;
}

}  // namespace idiombench::compute
