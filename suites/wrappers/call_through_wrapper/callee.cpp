// The small function out of line (see case.hpp), and the virtual callee, whose dynamic
// type the variant cannot see, as when it comes from a plugin, and the loop over a
// FunctionRef.
#include "call_through_wrapper/callee.hpp"

namespace idiombench::wrappers::call_through_wrapper {

std::uint64_t small_function_elsewhere(std::uint64_t x, std::uint64_t salt) {
  return small_function(x, salt);
}

namespace {

class Inlined final : public Callee {
 public:
  std::uint64_t operator()(std::uint64_t x, std::uint64_t salt) const override {
    return small_function(x, salt);
  }
};

class Elsewhere final : public Callee {
 public:
  std::uint64_t operator()(std::uint64_t x, std::uint64_t salt) const override {
    return small_function_elsewhere(x, salt);
  }
};

}  // namespace

Output sum_through_function_ref(const Input& in,
                                absl::FunctionRef<std::uint64_t(std::uint64_t, std::uint64_t)> f) {
  return sum_of_calls(in, f);
}

std::unique_ptr<Callee> make_callee(bool elsewhere) {
  if (elsewhere) return std::make_unique<Elsewhere>();
  return std::make_unique<Inlined>();
}

}  // namespace idiombench::wrappers::call_through_wrapper
