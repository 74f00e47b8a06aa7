// cheap_function in Python (variants.py beside this file): direct calls, lru_cache(128),
// functools.cache and a dict memo; the keys become a list of ints before timing.
#include <pybind11/stl.h>

#include "cheap_function/case.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::memoization::cheap_function {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "memoization_cheap_function",
      .arguments = [](const Input& keys, const Params&) { return py::make_tuple(py::cast(keys)); },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_direct")),
    the_case().add_variant(python_variant("py_lru_cache")),
    the_case().add_variant(python_variant("py_cache")),
    the_case().add_variant(python_variant("py_dict_memo")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_direct", "direct"},
                             {"py_lru_cache", "lru_list_map"},
                             {"py_cache", "unordered_map_unbounded"},
                             {"py_dict_memo", "hand_inlined_unordered_map"}}),
};

}  // namespace
}  // namespace idiombench::memoization::cheap_function
