// gemm in Python (variants.py beside this file): NumPy matmul, numba i-k-j loops, and pure
// Python on lists. NumPy and numba work on views of the C++ matrices and write C in place;
// the pure-Python rows are copied into C on the verification run.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "gemm/case.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::compute::gemm {
namespace {

namespace py = pybind11;

py::array_t<double> view_of(std::span<const double> data, std::size_t n) {
  const auto side = static_cast<py::ssize_t>(n);
  return py::array_t<double>({side, side},
                             {side * py::ssize_t{sizeof(double)}, py::ssize_t{sizeof(double)}},
                             data.data(), py::capsule(data.data(), [](void*) {}));
}

py::list rows_of(std::span<const double> data, std::size_t n) {
  py::list rows;
  for (std::size_t i = 0; i < n; ++i)
    rows.append(py::cast(std::vector<double>(data.begin() + i * n, data.begin() + (i + 1) * n)));
  return rows;
}

auto python_variant(std::string name, bool lists, std::vector<std::string> needs) {
  return python::variant<Matrices, View>({
      .name = std::move(name),
      .module = "compute_gemm",
      .arguments =
          [lists](const Matrices& m, const Params&) {
            if (lists) return py::make_tuple(rows_of(m.a, m.n), rows_of(m.b, m.n));
            return py::make_tuple(view_of(m.a, m.n), view_of(m.b, m.n), view_of(m.c, m.n));
          },
      .output =
          [lists](py::handle result, const Matrices& m) {
            if (lists) {
              std::size_t i = 0;
              for (auto row : result) {
                for (auto value : row) {
                  if (i == m.c.size()) throw std::runtime_error("more entries than n x n");
                  m.c[i++] = value.cast<double>();
                }
              }
            }
            return View(m.c);
          },
      .needs = std::move(needs),
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_numpy", false, {"numpy"})),
    the_case().add_variant(python_variant("py_numba", false, {"numpy", "numba"})),
    the_case().add_variant(python_variant("py_loops", true, {})),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts(
        {{"py_loops", "naive"}, {"py_numba", "loop_ikj"}, {"py_numpy", "blas"}}),
};

}  // namespace
}  // namespace idiombench::compute::gemm
