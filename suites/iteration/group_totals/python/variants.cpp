// group_totals in Python (variants.py beside this file): groupby with itemgetter and sum,
// groupby with lambdas and functools.reduce, a plain loop. The sales become a list of
// (key, amount) tuples once, before timing.
#include <pybind11/stl.h>

#include "group_totals/case.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::iteration::group_totals {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "iteration_group_totals",
      .arguments =
          [](const Input& sales, const Params&) {
            py::list list(sales.size());
            for (std::size_t i = 0; i < sales.size(); ++i) {
              list[i] = py::make_tuple(sales[i].key, sales[i].amount);
            }
            return py::make_tuple(list);
          },
      .output =
          [](py::handle result, const auto&) {
            Output totals;
            for (auto [key, amount] :
                 result.cast<std::vector<std::pair<std::uint32_t, std::int64_t>>>()) {
              totals.push_back({key, amount});
            }
            return totals;
          },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_groupby_itemgetter")),
    the_case().add_variant(python_variant("py_groupby_reduce_lambda")),
    the_case().add_variant(python_variant("py_loop")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_groupby_itemgetter", "range_v3_chunk_by"},
                             {"py_groupby_reduce_lambda", "range_v3_chunk_by"},
                             {"py_loop", "index_loop"}}),
};

}  // namespace
}  // namespace idiombench::iteration::group_totals
