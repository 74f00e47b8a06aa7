// expensive_lookup in Python (variants.py beside this file): no cache, and
// functools.lru_cache(maxsize=capacity). The expensive function is the C++ one, bound to
// Python (pybind11), so it costs what it costs the C++ variants plus the call from Python.
#include <pybind11/stl.h>

#include "expensive_lookup/case.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::memoization::expensive_lookup {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "memoization_expensive_lookup",
      .arguments =
          [](const Input& in, const Params&) {
            py::cpp_function function(
                [rounds = in.rounds](std::uint32_t key) { return expensive(key, rounds); });
            return py::make_tuple(py::cast(in.keys), function, in.capacity);
          },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_no_cache")),
    the_case().add_variant(python_variant("py_lru_cache")),
};

}  // namespace
}  // namespace idiombench::memoization::expensive_lookup
