// call_through_wrapper in Python (variants.py beside this file): a plain call, a
// functools.wraps decorator, functools.partial, a class with __call__ and the document's
// `timed`. Python inlines nothing: the case's callee axis is the C++ variants' only.
#include <pybind11/stl.h>

#include "call_through_wrapper/case.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::wrappers::call_through_wrapper {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "wrappers_call_through_wrapper",
      .arguments = [](const Input& in,
                      const Params&) { return py::make_tuple(py::cast(in.arguments), in.salt); },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_plain")),
    the_case().add_variant(python_variant("py_wraps_decorator")),
    the_case().add_variant(python_variant("py_partial")),
    the_case().add_variant(python_variant("py_callable_class")),
    the_case().add_variant(python_variant("py_timed_decorator")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_plain", "direct"},
                             {"py_partial", "bind_front"},
                             {"py_callable_class", "virtual_call"},
                             {"py_timed_decorator", "timed_decorator"},
                             {"py_wraps_decorator", "template_decorator"}}),
};

}  // namespace
}  // namespace idiombench::wrappers::call_through_wrapper
