#include "idiombench/support/cpu_work.hpp"

#include <algorithm>
#include <chrono>

#include "idiombench/support/measure_mode.hpp"

namespace idiombench::support {

std::uint64_t cpu_work(std::uint64_t seed, std::uint64_t rounds) {
  std::uint64_t x = seed;
  for (std::uint64_t i = 0; i < rounds; ++i) {
    // SplitMix64's finaliser: a multiply-xorshift chain, ~4 ns a round.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    x ^= x >> 31;
  }
  return x;
}

std::uint64_t cpu_work_rounds_per_microsecond() {
  // Counting instructions: a fixed nominal size (~4 ns a round), so counts repeat.
  if (counting_instructions()) return 250;
  static const std::uint64_t measured = [] {
    constexpr std::uint64_t rounds = 200000;
    double best_us = 1e300;
    std::uint64_t sink = 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
      auto start = std::chrono::steady_clock::now();
      sink += cpu_work(static_cast<std::uint64_t>(attempt), rounds);
      std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
      best_us = std::min(best_us, took.count());
    }
    // `sink` keeps the calls alive; it is never zero in practice, and 1 is a safe floor.
    const auto per_us = static_cast<std::uint64_t>(static_cast<double>(rounds) / best_us);
    return std::max<std::uint64_t>(1, sink == 0 ? 1 : per_us);
  }();
  return measured;
}

}  // namespace idiombench::support
