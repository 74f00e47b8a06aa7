#include "workload.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace idiombench::memoization {

std::vector<std::uint32_t> draw_keys(const std::string& distribution, std::uint32_t keys,
                                     std::size_t calls, double zipf_s) {
  if (keys == 0) throw std::invalid_argument("draw_keys: no keys to draw from");
  std::mt19937_64 random(20261125);
  std::vector<std::uint32_t> drawn(calls);
  if (distribution == "uniform") {
    std::uniform_int_distribution<std::uint32_t> pick(0, keys - 1);
    for (auto& k : drawn) k = pick(random);
  } else if (distribution == "zipf") {
    std::vector<double> cumulative(keys);
    double total = 0;
    for (std::uint32_t k = 0; k < keys; ++k)
      cumulative[k] = total += 1.0 / std::pow(k + 1.0, zipf_s);
    std::uniform_real_distribution<double> u(0.0, total);
    for (auto& k : drawn) {
      auto at = std::lower_bound(cumulative.begin(), cumulative.end(), u(random));
      k = static_cast<std::uint32_t>(std::min<std::ptrdiff_t>(at - cumulative.begin(), keys - 1));
    }
  } else {
    throw std::invalid_argument("unknown distribution '" + distribution + "' (zipf or uniform)");
  }
  return drawn;
}

}  // namespace idiombench::memoization
