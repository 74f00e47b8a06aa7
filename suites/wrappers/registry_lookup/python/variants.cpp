// registry_lookup in Python (variants.py beside this file): the document's dict registry
// filled by the `register` decorator, and a `match` statement over a closed set.
#include <pybind11/stl.h>

#include "idiombench/python/variant.hpp"
#include "registry_lookup/case.hpp"

namespace idiombench::wrappers::registry_lookup {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "wrappers_registry_lookup",
      .arguments = [](const Input& in,
                      const Params&) { return py::make_tuple(py::cast(in.names)); },
      .output =
          [](py::handle result, const auto&) {
            auto [tags, unknown] = result.cast<std::pair<std::uint64_t, std::uint64_t>>();
            return Output{tags, unknown};
          },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_dict_registry")),
    the_case().add_variant(python_variant("py_match_statement")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts(
        {{"py_dict_registry", "unordered_map"}, {"py_match_statement", "switch_on_enum"}}),
};

}  // namespace
}  // namespace idiombench::wrappers::registry_lookup
