// call_through_wrapper/absl_function_ref: a non-owning type-erased reference to the
// wrapper (absl::FunctionRef): one indirect call, no allocation, no copy. The loop that
// takes it is in callee.cpp, as an API taking a FunctionRef is in another file.
#include "call_through_wrapper/callee.hpp"
#include "call_through_wrapper/decorators.hpp"

namespace idiombench::wrappers::call_through_wrapper {
namespace {

Output absl_function_ref(const Input& in) {
  return with_callee(in, [&](auto f) {
    auto g = decorate(f);
    return sum_through_function_ref(in, g);
  });
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "absl_function_ref", .model = "serial", .run = absl_function_ref});

}  // namespace
}  // namespace idiombench::wrappers::call_through_wrapper
