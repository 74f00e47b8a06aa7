// batches in Python (variants.py beside this file): the document's batching generator,
// islice batches, and eager list slices. The values become a list of ints before timing.
#include <pybind11/stl.h>

#include "batches/case.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::iteration::batches {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "iteration_batches",
      .arguments = [](const Input& in,
                      const Params&) { return py::make_tuple(py::cast(in.values), in.size); },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_generator")),
    the_case().add_variant(python_variant("py_islice")),
    the_case().add_variant(python_variant("py_slices")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_generator", "generator_buffered"},
                             {"py_islice", "generator_buffered"},
                             {"py_slices", "index_loop"}}),
};

}  // namespace
}  // namespace idiombench::iteration::batches
