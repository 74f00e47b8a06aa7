#include "gate/sequential.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <map>

namespace idiombench {
namespace {

constexpr double kTrim = 0.2;  // as compare's Yuen test

// Yuen's standard error of the trimmed mean and its degrees of freedom.
std::optional<std::pair<double, double>> trimmed_error(std::vector<double> x) {
  const auto n = x.size();
  const auto g = static_cast<std::size_t>(std::floor(kTrim * static_cast<double>(n)));
  if (n < 3 || n - 2 * g < 2) return std::nullopt;
  std::sort(x.begin(), x.end());
  const double low = x[g], high = x[n - g - 1];
  double mean = 0;
  for (auto& v : x) v = std::clamp(v, low, high), mean += v;
  mean /= static_cast<double>(n);
  double variance = 0;
  for (auto v : x) variance += (v - mean) * (v - mean);
  variance /= static_cast<double>(n - 1);
  const double kept = static_cast<double>(n - 2 * g);
  const double se = std::sqrt(variance) / ((kept / static_cast<double>(n)) * std::sqrt(double(n)));
  return std::pair{se, kept - 1};
}

}  // namespace

std::optional<double> detectable_change(const std::vector<PairRatio>& pairs, double alpha,
                                        double power) {
  std::map<int, std::pair<double, int>> by_layout;
  for (const auto& p : pairs) {
    auto& [sum, count] = by_layout[p.layout];
    sum += p.log_ratio;
    ++count;
  }
  std::vector<double> values;
  if (by_layout.size() > 1) {
    for (const auto& [layout, sc] : by_layout) values.push_back(sc.first / sc.second);
  } else {
    for (const auto& p : pairs) values.push_back(p.log_ratio);
  }
  const auto error = trimmed_error(values);
  if (!error) return std::nullopt;
  const auto [se, df] = *error;
  const boost::math::students_t t(df);
  const double reach =
      (boost::math::quantile(t, 1 - alpha / 2) + boost::math::quantile(t, power)) * se;
  return std::expm1(reach);
}

int pairs_wanted(int have, double detectable, double target, int step, int most) {
  const double ratio = detectable / target;
  // Bounded before the conversion: a wide interval against a tiny target asks for more
  // pairs than an int holds (UBSan caught the overflow).
  const double wanted = std::ceil(have * ratio * ratio * 1.1);
  const auto needed =
      std::isfinite(wanted) ? static_cast<int>(std::min(wanted, double(most))) : most;
  return std::min({most, 2 * have, std::max(needed, have + step)});
}

}  // namespace idiombench
