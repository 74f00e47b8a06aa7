// shared_counter in Python (variants.py beside this file): threading.Lock around every
// increment, and per-thread counts added under the lock once.
#include "idiombench/python/variant.hpp"
#include "shared_counter/case.hpp"

namespace idiombench::concurrency::shared_counter {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "concurrency_shared_counter",
      .arguments = [](const Input& in,
                      const Params&) { return py::make_tuple(in.threads, in.increments); },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_lock")),
    the_case().add_variant(python_variant("py_local_then_combine")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts(
        {{"py_lock", "mutex"}, {"py_local_then_combine", "local_then_combine"}}),
};

}  // namespace
}  // namespace idiombench::concurrency::shared_counter
