// fib in Python (variants.py beside this file): naive recursion, functools.lru_cache,
// functools.cache and a dict memo, each from a cold cache.
#include "fib/case.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::memoization::fib {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Output>({
      .name = std::move(name),
      .module = "memoization_fib",
      .arguments = [](const Input& in, const Params&) { return py::make_tuple(in.n); },
      .output = [](py::handle result, const auto&) { return result.cast<Output>(); },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_naive")),
    the_case().add_variant(python_variant("py_lru_cache")),
    the_case().add_variant(python_variant("py_cache")),
    the_case().add_variant(python_variant("py_dict_memo")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_naive", "naive_recursive"},
                             {"py_lru_cache", "lru_bounded"},
                             {"py_cache", "memo_unordered_map"},
                             {"py_dict_memo", "memo_unordered_map"}}),
};

}  // namespace
}  // namespace idiombench::memoization::fib
