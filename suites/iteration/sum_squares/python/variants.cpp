// sum_squares in Python (variants.py beside this file): an iterator class, a generator, a
// generator expression, a list comprehension, NumPy. The values become a list of ints (an
// int64 array for NumPy) once, before timing.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "idiombench/python/variant.hpp"
#include "sum_squares/case.hpp"

namespace idiombench::iteration::sum_squares {
namespace {

namespace py = pybind11;

auto python_variant(std::string name, bool numpy = false) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "iteration_sum_squares",
      .arguments =
          [numpy](const Input& values, const Params&) {
            if (!numpy) return py::make_tuple(py::cast(values));
            py::array_t<std::int64_t> array(static_cast<py::ssize_t>(values.size()));
            std::copy(values.begin(), values.end(), array.mutable_data());
            return py::make_tuple(std::move(array));
          },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
      .needs = numpy ? std::vector<std::string>{"numpy"} : std::vector<std::string>{},
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_iterator_class")),
    the_case().add_variant(python_variant("py_generator")),
    the_case().add_variant(python_variant("py_genexpr")),
    the_case().add_variant(python_variant("py_list_eager")),
    the_case().add_variant(python_variant("py_numpy", /*numpy=*/true)),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_generator", "coroutine_generator"},
                             {"py_genexpr", "ranges_views"},
                             {"py_iterator_class", "iterator_class"},
                             {"py_list_eager", "eager_vector"},
                             {"py_numpy", "index_loop"}}),
};

}  // namespace
}  // namespace idiombench::iteration::sum_squares
