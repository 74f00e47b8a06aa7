// aos_vs_soa in Python (variants.py beside this file). The NumPy variants work on views
// of the C++ layouts (so the C++ side reads back what they wrote); the `array` module and
// the list of objects are Python's own copies, made once before timing, and Python says
// what they hold afterwards.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "aos_vs_soa/case.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::binary_data::aos_vs_soa {
namespace {

namespace py = pybind11;

py::array_t<double> view_of(std::vector<double>& v) {
  return py::array_t<double>({static_cast<py::ssize_t>(v.size())}, {sizeof(double)}, v.data(),
                             py::none());
}

const char* op_name(const Input& in) {
  return in.op == Operation::sum_mass ? "sum_mass" : "set_positions";
}

// The array of structs as a NumPy structured array over the same memory.
py::object structured_view(const Input& in) {
  auto np = py::module_::import("numpy");
  py::dict spec;
  spec["names"] = py::make_tuple("px", "py", "vx", "vy", "mass", "charge", "id", "flags");
  spec["formats"] = py::make_tuple("f8", "f8", "f8", "f8", "f8", "f8", "u4", "u4");
  spec["offsets"] =
      py::make_tuple(offsetof(Particle, px), offsetof(Particle, py), offsetof(Particle, vx),
                     offsetof(Particle, vy), offsetof(Particle, mass), offsetof(Particle, charge),
                     offsetof(Particle, id), offsetof(Particle, flags));
  spec["itemsize"] = sizeof(Particle);
  auto bytes =
      py::memoryview::from_memory(in.aos.data(), static_cast<py::ssize_t>(in.n * sizeof(Particle)));
  return np.attr("frombuffer")(bytes, np.attr("dtype")(spec));
}

py::tuple soa_fields(const Input& in) {
  auto& s = in.soa;
  return py::make_tuple(view_of(s.px), view_of(s.py), view_of(s.vx), view_of(s.vy),
                        view_of(s.mass));
}

enum class Kind { numpy_soa, numpy_structured, array_module, objects };

auto python_variant(std::string name, Kind kind) {
  return python::variant<Input, Output>({
      .name = name,
      .module = "binary_data_aos_vs_soa",
      .arguments =
          [kind](const Input& in, const Params&) {
            switch (kind) {
              case Kind::numpy_soa: {
                auto f = soa_fields(in);
                return py::make_tuple(op_name(in), f[0], f[1], f[2], f[3], f[4]);
              }
              case Kind::numpy_structured:
                return py::make_tuple(op_name(in), structured_view(in));
              case Kind::array_module:
              case Kind::objects: {
                auto module = python::import_embedded("binary_data_aos_vs_soa");
                auto make = module.attr(kind == Kind::objects ? "make_objects" : "make_arrays");
                return py::make_tuple(op_name(in), make(*soa_fields(in)));
              }
            }
            throw std::logic_error("unknown kind");
          },
      .output = [kind, name](py::handle result, const Input& in) -> Output {
        double value = result.cast<double>();
        switch (kind) {
          case Kind::numpy_soa:
            return {value, written_sum(in, Layout::soa)};
          case Kind::numpy_structured:
            return {value, written_sum(in, Layout::aos)};
          default: {
            auto module = python::import_embedded("binary_data_aos_vs_soa");
            return {value, module.attr("written")(name).cast<double>()};
          }
        }
      },
      .needs = kind == Kind::numpy_soa || kind == Kind::numpy_structured
                   ? std::vector<std::string>{"numpy"}
                   : std::vector<std::string>{},
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_numpy_soa", Kind::numpy_soa)),
    the_case().add_variant(python_variant("py_numpy_structured", Kind::numpy_structured)),
    the_case().add_variant(python_variant("py_array_module", Kind::array_module)),
    the_case().add_variant(python_variant("py_list_of_objects", Kind::objects)),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_numpy_soa", "soa_loop"},
                             {"py_numpy_structured", "aos_loop"},
                             {"py_array_module", "soa_loop"},
                             {"py_list_of_objects", "aos_loop"}}),
};

}  // namespace
}  // namespace idiombench::binary_data::aos_vs_soa
