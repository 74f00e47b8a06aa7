// A variant written in Python: a function in one of the suite's embedded modules.
//
//   [[maybe_unused]] const auto registered = the_case().add_variant(python::variant<Input,
//   Output>({
//       .name = "py_generator",            // also the function's name in the module
//       .module = "iteration_sum_squares",
//       .arguments = [](const Input& in, const Params&) { return py::make_tuple(...); },
//       .output = [](py::handle result, const Input&) { return result.cast<Output>(); },
//   }));
//
// The input is converted once per input (untimed, on the verification run) and kept; each
// run calls the function with it. Only the verification run converts the result back: the
// timed runs measure the Python call, not the conversion. Start-up, import and the first
// call (where numba compiles) are recorded as counters, apart from the timing.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "idiombench/case.hpp"
#include "idiombench/python/interpreter.hpp"

namespace idiombench::python {

template <class Input, class Output>
struct VariantSpec {
  std::string name;    // py_...
  std::string module;  // an embedded module (PYTHON_MODULES of the suite)
  // The Python-side input: the function's positional arguments.
  std::function<py::tuple(const Input&, const Params&)> arguments;
  // The function's result as the case's Output (verification run only); the input is
  // there for outputs that are views of its workspace.
  std::function<Output(py::handle, const Input&)> output;
  // Python modules the variant needs beyond the standard library (numpy, numba, aiohttp).
  std::vector<std::string> needs = {};
  // The function in the module; empty: the variant's name.
  std::string function = {};
  // Why it cannot run here for a reason of its own (no CUDA device); empty: it can.
  std::function<std::string()> why_unavailable = {};
  // Why a timed run at these params is skipped (a pure-Python loop over 42M elements).
  std::function<std::string(const Params&)> skipped_at = {};
  std::string model = python::model.name;
  // On the verification run, after the call: case-specific counters, e.g. tracemalloc's
  // peak from a second, traced call (the function and its arguments are given).
  std::function<void(py::handle function, const py::tuple& arguments, Context&)> counters = {};
};

namespace detail {
double seconds_since(std::chrono::steady_clock::time_point start);
// Throws unless called from the thread that started the interpreter.
void check_thread();
}  // namespace detail

template <class Input, class Output>
requires std::default_initializable<Output> idiombench::VariantSpec<Input, Output> variant(
    VariantSpec<Input, Output> spec) {
  if (spec.name.rfind("py_", 0) != 0) {
    idiombench::detail::registration_error("Python variant '" + spec.name +
                                           "' must be named py_...");
  }
  // What one input became on the Python side, kept while the same input is run again.
  struct Prepared {
    const Input* input = nullptr;
    Params params;
    py::object function;
    py::tuple arguments;
  };
  declare_needs(spec.module, spec.needs);
  auto prepared = std::make_shared<Prepared>();
  auto finish = [spec, prepared](const py::object& result, const Input& in,
                                 Context& ctx) -> Output {
    if (!ctx.verifying()) return Output{};
    Output output = spec.output(result, in);
    if (spec.counters) spec.counters(prepared->function, prepared->arguments, ctx);
    return output;
  };
  auto run = [spec, prepared, finish](const Input& in, Context& ctx) -> Output {
    try {
      if (prepared->input != &in || !(prepared->params == ctx.params())) {
        auto began = std::chrono::steady_clock::now();
        start();
        const auto& function = spec.function.empty() ? spec.name : spec.function;
        prepared->function = import_embedded(spec.module, spec.needs).attr(function.c_str());
        ctx.counter("python_import_s", detail::seconds_since(began));
        began = std::chrono::steady_clock::now();
        prepared->arguments = spec.arguments(in, ctx.params());
        prepared->input = &in;
        prepared->params = ctx.params();
        ctx.counter("python_input_s", detail::seconds_since(began));
        began = std::chrono::steady_clock::now();
        py::object first = prepared->function(*prepared->arguments);
        ctx.counter("python_first_call_s", detail::seconds_since(began));
        return finish(first, in, ctx);
      }
      detail::check_thread();
      return finish(prepared->function(*prepared->arguments), in, ctx);
    } catch (const py::error_already_set& error) {
      throw std::runtime_error(describe(error));
    } catch (const py::cast_error& error) {
      throw std::runtime_error(std::string("the Python result has the wrong type: ") +
                               error.what());
    }
  };
  auto why_unavailable = [needs = spec.needs, own = spec.why_unavailable] {
    auto missing = missing_modules(needs);
    return missing.empty() && own ? own() : missing;
  };
  // The Python the timed call interprets: its module's source, the function's name and the
  // interpreter's version (its C code is not followed: code_fingerprint.hpp),
  // read when asked (the module may register after the variant).
  auto interpreted = [module = spec.module,
                      function = spec.function.empty() ? spec.name : spec.function] {
    return embedded_source(module) + "\nfunction: " + function + "\nCPython " PY_VERSION;
  };
  return {.name = std::move(spec.name),
          .model = spec.model,
          .run = std::move(run),
          .why_unavailable = std::move(why_unavailable),
          .skipped_at = std::move(spec.skipped_at),
          .interpreted_code = std::move(interpreted)};
}

}  // namespace idiombench::python
