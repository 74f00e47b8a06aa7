// pack_records in Python (variants.py beside this file): struct.pack_into per record,
// struct.pack with bytes.join, and a NumPy structured array assigned into the buffer.
// The records become a list of tuples (a structured array for NumPy) once, before timing;
// the buffer is a bytearray the functions write into.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstring>

#include "idiombench/python/variant.hpp"
#include "pack_records/case.hpp"

namespace idiombench::binary_data::pack_records {
namespace {

namespace py = pybind11;

py::object records_for_python(const Input& in, bool numpy) {
  if (!numpy) {
    py::list out(in.records.size());
    for (std::size_t i = 0; i < in.records.size(); ++i) {
      const auto& r = in.records[i];
      out[i] = py::make_tuple(r.id, r.delta, r.flags, r.value, r.timestamp, r.weight);
    }
    return out;
  }
  auto np = py::module_::import("numpy");
  auto dtype = np.attr("dtype")(py::str("u4,i2,u1,f8,u8,f4"));
  auto array = np.attr("zeros")(in.records.size(), dtype);
  for (std::size_t i = 0; i < in.records.size(); ++i) {
    const auto& r = in.records[i];
    array[py::int_(i)] = py::make_tuple(r.id, r.delta, r.flags, r.value, r.timestamp, r.weight);
  }
  return array;
}

auto python_variant(std::string name, bool numpy = false) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "binary_data_pack_records",
      .arguments =
          [numpy](const Input& in, const Params&) {
            py::bytearray buffer(std::string(in.workspace.size(), '\0'));
            return py::make_tuple(records_for_python(in, numpy),
                                  in.order == ByteOrder::little ? "little" : "big", in.offset,
                                  buffer);
          },
      .output = [](py::handle result, const Input& in) -> Output {
        if (!PyByteArray_Check(result.ptr())) throw std::runtime_error("not a bytearray");
        auto length = wire::buffer_bytes(in.records.size());
        if (static_cast<std::size_t>(PyByteArray_Size(result.ptr())) != in.workspace.size()) {
          throw std::runtime_error("the buffer changed size");
        }
        std::memcpy(in.workspace.data() + in.offset, PyByteArray_AsString(result.ptr()) + in.offset,
                    length);
        return {in.workspace.data() + in.offset, length};
      },
      .needs = numpy ? std::vector<std::string>{"numpy"} : std::vector<std::string>{},
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_struct_pack_into")),
    the_case().add_variant(python_variant("py_struct_join")),
    the_case().add_variant(python_variant("py_numpy_structured", /*numpy=*/true)),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_struct_pack_into", "memcpy_fields"},
                             {"py_struct_join", "memcpy_fields"},
                             {"py_numpy_structured", "bit_cast"}}),
};

}  // namespace
}  // namespace idiombench::binary_data::pack_records
