// zero_copy_slices in Python (variants.py beside this file): memoryview slices, bytes
// slices, NumPy views. The buffer becomes one bytes object and the slices a list of
// (offset, length) tuples, once, before timing.
#include <pybind11/stl.h>

#include "idiombench/python/variant.hpp"
#include "zero_copy_slices/case.hpp"

namespace idiombench::binary_data::zero_copy_slices {
namespace {

namespace py = pybind11;

auto python_variant(std::string name, bool numpy = false) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "binary_data_zero_copy_slices",
      .arguments =
          [](const Input& in, const Params&) {
            py::list slices(in.slices.size());
            for (std::size_t i = 0; i < in.slices.size(); ++i) {
              slices[i] = py::make_tuple(in.slices[i].offset, in.slices[i].length);
            }
            return py::make_tuple(py::bytes(in.buffer), slices);
          },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
      .needs = numpy ? std::vector<std::string>{"numpy"} : std::vector<std::string>{},
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_memoryview")),
    the_case().add_variant(python_variant("py_bytes_slice")),
    the_case().add_variant(python_variant("py_numpy_view", /*numpy=*/true)),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts(
        {{"py_memoryview", "span"}, {"py_bytes_slice", "copy_vector"}, {"py_numpy_view", "span"}}),
};

}  // namespace
}  // namespace idiombench::binary_data::zero_copy_slices
