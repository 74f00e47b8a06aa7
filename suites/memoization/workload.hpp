// The calls a cache sees: `calls` keys drawn from [0, keys) uniformly or by Zipf's law
// (key k with probability proportional to 1 / (k+1)^s: a few hot keys, a long tail),
// from a fixed seed so that every variant and the reference see the same sequence.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace idiombench::memoization {

std::vector<std::uint32_t> draw_keys(const std::string& distribution, std::uint32_t keys,
                                     std::size_t calls, double zipf_s = 1.0);

}  // namespace idiombench::memoization
