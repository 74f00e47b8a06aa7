// parse_records in Python (variants.py beside this file): struct.unpack_from per record,
// struct.Struct.iter_unpack over a memoryview, numpy.frombuffer with a structured dtype.
// The buffer becomes a bytes object once, before timing.
#include <pybind11/stl.h>

#include "idiombench/python/variant.hpp"
#include "parse_records/case.hpp"

namespace idiombench::binary_data::parse_records {
namespace {

namespace py = pybind11;

auto python_variant(std::string name, bool numpy = false) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "binary_data_parse_records",
      .arguments =
          [](const Input& in, const Params&) {
            py::bytes buffer(reinterpret_cast<const char*>(in.bytes.data()), in.bytes.size());
            return py::make_tuple(buffer, in.order == ByteOrder::little ? "little" : "big",
                                  in.offset);
          },
      .output = [numpy](py::handle result, const Input& in) -> Output {
        if (result.is_none()) return {{}, true};
        py::object rows =
            numpy ? result.attr("tolist")() : py::reinterpret_borrow<py::object>(result);
        auto records = rows.cast<std::vector<
            std::tuple<std::uint32_t, std::int16_t, std::uint8_t, double, std::uint64_t, float>>>();
        if (records.size() > in.workspace.size()) throw std::runtime_error("too many records");
        for (std::size_t i = 0; i < records.size(); ++i) {
          auto [id, delta, flags, value, timestamp, weight] = records[i];
          in.workspace[i] = {id, delta, flags, value, timestamp, weight};
        }
        return {std::span<const Record>(in.workspace).first(records.size()), false};
      },
      .needs = numpy ? std::vector<std::string>{"numpy"} : std::vector<std::string>{},
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_struct_unpack_from")),
    the_case().add_variant(python_variant("py_struct_iter_unpack")),
    the_case().add_variant(python_variant("py_numpy_frombuffer", /*numpy=*/true)),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_struct_unpack_from", "memcpy_fields"},
                             {"py_struct_iter_unpack", "memcpy_fields"},
                             {"py_numpy_frombuffer", "bit_cast"}}),
};

}  // namespace
}  // namespace idiombench::binary_data::parse_records
