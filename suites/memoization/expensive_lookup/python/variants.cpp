// expensive_lookup in Python (variants.py beside this file): no cache, and
// functools.lru_cache(maxsize=capacity). The expensive function is the C++ one, bound to
// Python (pybind11), so it costs what it costs the C++ variants plus the call from Python.
#include <pybind11/stl.h>

#include "expensive_lookup/case.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::memoization::expensive_lookup {
namespace {

namespace py = pybind11;

// The cache's hit rate, as the C++ variants report theirs: lru_cache's own counts over the
// same keys (the policy does not depend on what the function costs).
void hit_rate(py::handle, const py::tuple& arguments, Context& ctx) {
  auto [hits, misses] = python::import_embedded("memoization_expensive_lookup")
                            .attr("lru_cache_info")(arguments[0], arguments[2])
                            .cast<std::pair<double, double>>();
  ctx.counter("hit_rate", hits + misses > 0 ? hits / (hits + misses) : 0.0);
}

auto python_variant(std::string name, bool cached) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "memoization_expensive_lookup",
      .arguments =
          [](const Input& in, const Params&) {
            py::cpp_function function(
                [rounds = in.rounds](std::uint32_t key) { return expensive(key, rounds); });
            return py::make_tuple(py::cast(in.keys), function, in.capacity);
          },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
      .counters = cached ? hit_rate : nullptr,
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_no_cache", false)),
    the_case().add_variant(python_variant("py_lru_cache", true)),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_lru_cache", "lru_list_map"}, {"py_no_cache", "no_cache"}}),
};

}  // namespace
}  // namespace idiombench::memoization::expensive_lookup
