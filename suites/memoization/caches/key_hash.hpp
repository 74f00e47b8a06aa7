// Hashing a memoized call's key (a tuple of its decayed arguments) for std::unordered_map:
// each element's std::hash, mixed (boost::hash_combine's recipe, 64-bit).
#pragma once

#include <cstddef>
#include <functional>
#include <tuple>

namespace idiombench::memoization {

struct KeyHash {
  template <class T>
  std::size_t operator()(const T& key) const {
    return std::hash<T>{}(key);
  }
  template <class... T>
  std::size_t operator()(const std::tuple<T...>& key) const {
    std::size_t seed = 0;
    std::apply(
        [&](const auto&... part) {
          (mix(seed, std::hash<std::decay_t<decltype(part)>>{}(part)), ...);
        },
        key);
    return seed;
  }

 private:
  static void mix(std::size_t& seed, std::size_t h) {
    seed ^= h + 0x9e3779b97f4a7c15ULL + (seed << 12) + (seed >> 4);
  }
};

}  // namespace idiombench::memoization
