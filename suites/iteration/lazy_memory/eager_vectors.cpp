// lazy_memory/eager_vectors: every stage materialised: records, then the selected ones, then
// amounts.
#include <algorithm>
#include <iterator>
#include <numeric>
#include <vector>
#include "lazy_memory/case.hpp"

namespace idiombench::iteration::lazy_memory {
namespace {

Output eager_vectors(const Input& in) {
  std::vector<Record> records;
  records.reserve(in.records);
  for (std::size_t i = 0; i < in.records; ++i) records.push_back(make_record(i));
  std::vector<Record> selected;
  std::copy_if(records.begin(), records.end(), std::back_inserter(selected), is_selected);
  std::vector<std::int64_t> amounts(selected.size());
  std::transform(selected.begin(), selected.end(), amounts.begin(), weighted_amount);
  return std::accumulate(amounts.begin(), amounts.end(), Output{0});
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "eager_vectors", .model = "serial", .run = eager_vectors});

}  // namespace
}  // namespace idiombench::iteration::lazy_memory
