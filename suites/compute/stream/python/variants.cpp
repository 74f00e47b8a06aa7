// The STREAM kernels in Python (variants.py beside this file): NumPy, numba @njit, numba
// parallel=True, and numba.cuda for triad. The arrays are NumPy views of the C++ buffers,
// so the output a Python variant writes is the workspace the case verifies.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "idiombench/python/variant.hpp"
#include "stream/case.hpp"

namespace idiombench::compute::stream {
namespace {

namespace py = pybind11;

constexpr const char* kModule = "compute_stream";

// A NumPy array over memory the C++ side owns (the capsule keeps no ownership).
py::array_t<double> view_of(std::span<const double> data) {
  return py::array_t<double>({static_cast<py::ssize_t>(data.size())}, {sizeof(double)}, data.data(),
                             py::capsule(data.data(), [](void*) {}));
}

py::tuple arguments(const Arrays& a, const Params&) {
  return py::make_tuple(view_of(a.x), view_of(a.y), view_of(a.out), a.scalar, a.threads);
}

// The output: the workspace the function wrote, or a numba.cuda device array to copy into
// it first.
View map_output(py::handle result, const Arrays& a) {
  if (py::hasattr(result, "copy_to_host")) result.attr("copy_to_host")(view_of(a.out));
  return View(a.out);
}

std::string why_no_numba_cuda() {
  try {
    return python::import_embedded(kModule).attr("cuda_unavailable_reason")().cast<std::string>();
  } catch (const py::error_already_set& error) {
    return python::describe(error);
  }
}

template <class Output, class Expected>
Registration add(Case<Arrays, Output, Expected>& c, const std::string& variant,
                 std::vector<std::string> needs, std::function<std::string()> why = {}) {
  auto output = [](py::handle result, const Arrays& a) -> Output {
    if constexpr (std::is_same_v<Output, double>) {
      (void)a;
      return result.cast<double>();
    } else {
      return map_output(result, a);
    }
  };
  return c.add_variant(python::variant<Arrays, Output>({
      .name = variant,
      .module = kModule,
      .arguments = arguments,
      .output = output,
      .needs = std::move(needs),
      .function = c.info().name + "_" + variant,
      .why_unavailable = std::move(why),
  }));
}

// Pure Python on lists, for triad and dot: the lists are made before timing; timed runs
// stop at 2^20 elements (a call over 42M would take seconds and the lists gigabytes).
constexpr std::int64_t kLargestForLoops = std::int64_t{1} << 20;

py::list list_of(std::span<const double> data) {
  return py::cast(std::vector<double>(data.begin(), data.end()));
}

template <class Output, class Expected>
Registration add_loops(Case<Arrays, Output, Expected>& c) {
  return c.add_variant(python::variant<Arrays, Output>({
      .name = "py_loops",
      .module = kModule,
      .arguments =
          [](const Arrays& a, const Params&) {
            return py::make_tuple(list_of(a.x), list_of(a.y), a.scalar);
          },
      .output = [](py::handle result, const Arrays& a) -> Output {
        if constexpr (std::is_same_v<Output, double>) {
          (void)a;
          return result.cast<double>();
        } else {
          auto values = result.cast<std::vector<double>>();
          if (values.size() != a.out.size()) throw std::runtime_error("a list of the wrong size");
          std::copy(values.begin(), values.end(), a.out.begin());
          return View(a.out);
        }
      },
      .function = c.info().name + "_py_loops",
      .skipped_at =
          [](const Params& p) {
            return p.integer("n") > kLargestForLoops
                       ? std::string(
                             "pure Python is timed up to 2^20 elements (seconds a call beyond)")
                       : std::string();
          },
  }));
}

Registration add_everywhere(const std::string& variant, std::vector<std::string> needs) {
  add(copy_case(), variant, needs);
  add(scale_case(), variant, needs);
  add(add_case(), variant, needs);
  add(triad_case(), variant, needs);
  return add(dot_case(), variant, needs);
}

[[maybe_unused]] const auto registered = {
    add_everywhere("py_numpy", {"numpy"}),
    add_everywhere("py_numba", {"numpy", "numba"}),
    add_everywhere("py_numba_parallel", {"numpy", "numba"}),
    add(triad_case(), "py_numba_cuda", {"numpy", "numba"}, why_no_numba_cuda),
    add_loops(triad_case()),
    add_loops(dot_case()),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    copy_case().counterparts(
        {{"py_numpy", "autovec"}, {"py_numba", "autovec"}, {"py_numba_parallel", "openmp"}}),
    scale_case().counterparts(
        {{"py_numpy", "autovec"}, {"py_numba", "autovec"}, {"py_numba_parallel", "openmp"}}),
    add_case().counterparts(
        {{"py_numpy", "autovec"}, {"py_numba", "autovec"}, {"py_numba_parallel", "openmp"}}),
    triad_case().counterparts({{"py_loops", "scalar"},
                               {"py_numpy", "autovec"},
                               {"py_numba", "autovec"},
                               {"py_numba_parallel", "openmp"},
                               {"py_numba_cuda", "cuda"}}),
    dot_case().counterparts({{"py_loops", "scalar"},
                             {"py_numpy", "blas"},
                             {"py_numba", "autovec"},
                             {"py_numba_parallel", "openmp"}}),
};

}  // namespace
}  // namespace idiombench::compute::stream
