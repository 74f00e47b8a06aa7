#include "group_totals/case.hpp"

namespace idiombench::iteration::group_totals {
namespace {

// n sales in runs of 1 to 2 x mean_run - 1 sales per key, keys increasing.
Input make_input(const Params& p) {
  auto n = p.integer("n"), mean = p.integer("mean_run");
  if (n < 0 || n > 100'000'000 || mean < 1) {
    throw std::invalid_argument("need 0 <= n <= 1e8 and mean_run >= 1");
  }
  Input sales;
  sales.reserve(static_cast<std::size_t>(n));
  std::uint64_t state = 0xDA3E39CB94B95BDBu;
  std::uint32_t key = 0;
  while (static_cast<std::int64_t>(sales.size()) < n) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    auto run =
        1 + static_cast<std::int64_t>((state >> 33) % static_cast<std::uint64_t>(2 * mean - 1));
    key += 1 + static_cast<std::uint32_t>(state >> 60);
    for (std::int64_t i = 0; i < run && static_cast<std::int64_t>(sales.size()) < n; ++i) {
      state = state * 6364136223846793005u + 1442695040888963407u;
      sales.push_back({key, static_cast<std::int64_t>(state >> 40) - (1 << 23)});
    }
  }
  return sales;
}

Output reference(const Input& sales) {
  Output totals;
  for (const auto& s : sales) {
    if (totals.empty() || totals.back().key != s.key) totals.push_back({s.key, 0});
    totals.back().amount += s.amount;
  }
  return totals;
}

Params point(std::int64_t n, std::int64_t mean) {
  return {{"n", n}, {"mean_run", mean}};
}

}  // namespace

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "group_totals",
      .question = "itertools.groupby with itemgetter in C++: what does totalling each run of "
                  "equal keys cost with an index loop, range-v3's chunk_by, std::adjacent_find, "
                  "or std::ranges::find_if_not with std::bind_front and projections?",
      .make_input = make_input,
      .reference = reference,
      // Quick: the Python variants at 10^5 records (10^6 takes seconds a call).
      .quick = {ParamAxis{"n", {1000000}, {}, {"python"}}, integer_axis("n", {100000}, {"python"}),
                integer_axis("mean_run", {2, 100})},
      .full = {integer_axis("n", {1000000}), integer_axis("mean_run", {1, 2, 10, 100, 10000})},
      .conformance = {point(0, 1), point(1, 1), point(2, 1), point(17, 3), point(1001, 1),
                      point(4099, 50)},
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("n"));
            return Throughput{.items = n, .bytes_read = n * sizeof(Sale)};
          },
      .item = "sale",
      .baseline = "index_loop",
      .checksum = [](const Output& totals) -> std::optional<double> {
        double sum = 0;
        for (const auto& t : totals) sum += static_cast<double>(t.amount);
        return sum;
      },
  });
  return c;
}

}  // namespace idiombench::iteration::group_totals
