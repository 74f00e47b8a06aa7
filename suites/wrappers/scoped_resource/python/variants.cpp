// scoped_resource in Python (variants.py beside this file): contextlib.contextmanager, a
// class with __enter__/__exit__, try/finally and contextlib.ExitStack, walking the same
// plan as the C++ variants.
#include <pybind11/stl.h>

#include "idiombench/python/variant.hpp"
#include "scoped_resource/case.hpp"

namespace idiombench::wrappers::scoped_resource {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "wrappers_scoped_resource",
      .arguments =
          [](const Input& in, const Params&) {
            return py::make_tuple(in.scopes, in.depth, in.throw_every, in.return_every);
          },
      .output =
          [](py::handle result, const auto&) {
            auto t = result.cast<std::array<std::uint64_t, 7>>();
            return Output{t[0], t[1], t[2], t[3], t[4], t[5], t[6]};
          },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_contextmanager")),
    the_case().add_variant(python_variant("py_enter_exit_class")),
    the_case().add_variant(python_variant("py_try_finally")),
    the_case().add_variant(python_variant("py_exit_stack")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_contextmanager", "raii_guard"},
                             {"py_enter_exit_class", "raii_guard"},
                             {"py_exit_stack", "boost_scope_exit_all"},
                             {"py_try_finally", "try_catch_rethrow"}}),
};

}  // namespace
}  // namespace idiombench::wrappers::scoped_resource
