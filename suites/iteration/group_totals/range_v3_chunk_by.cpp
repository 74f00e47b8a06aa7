// group_totals/range_v3_chunk_by: range-v3's views::chunk_by splits the sales into runs of
// equal keys (groupby), each folded by ranges::accumulate with a projection.
#include <range/v3/numeric/accumulate.hpp>
#include <range/v3/view/chunk_by.hpp>

#include "group_totals/case.hpp"

namespace idiombench::iteration::group_totals {
namespace {

Output range_v3_chunk_by(const Input& sales) {
  Output totals;
  auto same_key = [](const Sale& a, const Sale& b) { return a.key == b.key; };
  for (auto run : sales | ranges::views::chunk_by(same_key)) {
    totals.push_back({(*ranges::begin(run)).key,
                      ranges::accumulate(run, std::int64_t{0}, std::plus<>{}, &Sale::amount)});
  }
  return totals;
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "range_v3_chunk_by", .model = "serial", .run = range_v3_chunk_by});

}  // namespace
}  // namespace idiombench::iteration::group_totals
