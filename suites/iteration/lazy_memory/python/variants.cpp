// lazy_memory in Python (variants.py beside this file): generators and lists. The
// verification run also records the Python heap's peak (tracemalloc, a second call) as
// python_peak_bytes: pymalloc's memory is not the C++ allocations the harness counts.
#include "idiombench/python/variant.hpp"
#include "lazy_memory/case.hpp"

namespace idiombench::iteration::lazy_memory {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "iteration_lazy_memory",
      .arguments = [](const Input& in, const Params&) { return py::make_tuple(in.records); },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
      .counters =
          [](py::handle function, const py::tuple& arguments, Context& ctx) {
            auto peak_bytes = python::import_embedded("iteration_lazy_memory").attr("peak_bytes");
            ctx.counter("python_peak_bytes", peak_bytes(function, *arguments).cast<double>());
          },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_generator")),
    the_case().add_variant(python_variant("py_list_eager")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts(
        {{"py_generator", "coroutine_generator"}, {"py_list_eager", "eager_vectors"}}),
};

}  // namespace
}  // namespace idiombench::iteration::lazy_memory
