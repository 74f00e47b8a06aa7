// transfer_cost in Python (variants.py beside this file): multiprocessing.Pipe and
// multiprocessing.shared_memory. The payload becomes a bytes object before timing.
#include "idiombench/python/variant.hpp"
#include "transfer_cost/case.hpp"

namespace idiombench::concurrency::transfer_cost {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "concurrency_transfer_cost",
      .arguments =
          [](const Input& in, const Params&) {
            return py::make_tuple(
                py::bytes(reinterpret_cast<const char*>(in.payload.data()), in.payload.size()));
          },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
      .needs = {"numpy"},
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_pipe")),
    the_case().add_variant(python_variant("py_shared_memory")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_pipe", "pipe"}, {"py_shared_memory", "shared_memory"}}),
};

}  // namespace
}  // namespace idiombench::concurrency::transfer_cost
