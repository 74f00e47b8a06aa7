// chain_sum in Python (variants.py beside this file): chain.from_iterable with sum and
// with functools.reduce, a nested generator expression, sum(map(sum, lists)). The lists
// become a list of lists of ints once, before timing.
#include <pybind11/stl.h>

#include "chain_sum/case.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::iteration::chain_sum {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "iteration_chain_sum",
      .arguments = [](const Input& lists,
                      const Params&) { return py::make_tuple(py::cast(lists)); },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_chain_sum")),
    the_case().add_variant(python_variant("py_reduce_add")),
    the_case().add_variant(python_variant("py_nested_genexpr")),
    the_case().add_variant(python_variant("py_sum_map_sum")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_chain_sum", "range_v3_join"},
                             {"py_nested_genexpr", "nested_loops"},
                             {"py_reduce_add", "transform_reduce"},
                             {"py_sum_map_sum", "transform_reduce"}}),
};

}  // namespace
}  // namespace idiombench::iteration::chain_sum
