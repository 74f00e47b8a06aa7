// pipeline_early_exit in Python (variants.py beside this file): a generator pipeline cut by
// itertools.islice, and the eager list comprehensions. The verification run counts the
// elements each produced (elements_produced), as the C++ variants do.
#include <pybind11/stl.h>

#include "idiombench/python/variant.hpp"
#include "pipeline_early_exit/case.hpp"

namespace idiombench::iteration::pipeline_early_exit {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "iteration_pipeline_early_exit",
      .arguments = [](const Input& in,
                      const Params&) { return py::make_tuple(py::cast(in.values), in.k, in.cost); },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
      .counters =
          [](py::handle function, const py::tuple& arguments, Context& ctx) {
            auto count =
                python::import_embedded("iteration_pipeline_early_exit").attr("elements_produced");
            ctx.counter("elements_produced", count(function, *arguments).cast<double>());
          },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_generator_pipeline")),
    the_case().add_variant(python_variant("py_list_eager")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts(
        {{"py_generator_pipeline", "coroutine_generator"}, {"py_list_eager", "eager"}}),
};

}  // namespace
}  // namespace idiombench::iteration::pipeline_early_exit
