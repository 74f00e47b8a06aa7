// iteration/group_totals, the source document's itertools.groupby with operator.itemgetter
// and functools.reduce: sales sorted by key, each run of one key totalled — by an index
// loop, range-v3's views::chunk_by, std::adjacent_find, or std::ranges::find_if_not with a
// std::bind_front predicate and member projections (C++'s itemgetter).
#pragma once

#include <cstdint>
#include <ostream>
#include <vector>

#include "idiombench/case.hpp"

namespace idiombench::iteration::group_totals {

struct Sale {
  std::uint32_t key = 0;
  std::int64_t amount = 0;
};

struct Total {
  std::uint32_t key = 0;
  std::int64_t amount = 0;
  friend bool operator==(const Total&, const Total&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Total& t) {
    return os << "(" << t.key << ", " << t.amount << ")";
  }
};

using Input = std::vector<Sale>;    // sorted by key: groupby groups runs, not keys
using Output = std::vector<Total>;  // one per run, in order

Case<Input, Output>& the_case();

}  // namespace idiombench::iteration::group_totals
