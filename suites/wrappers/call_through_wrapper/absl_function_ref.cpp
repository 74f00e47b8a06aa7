// call_through_wrapper/absl_function_ref: a non-owning type-erased reference to the
// wrapper (absl::FunctionRef): one indirect call, no allocation, no copy.
#include "absl/functional/function_ref.h"
#include "call_through_wrapper/case.hpp"
#include "call_through_wrapper/decorators.hpp"

namespace idiombench::wrappers::call_through_wrapper {
namespace {

// Takes the callable as a parameter, where FunctionRef belongs: a reference that does
// not outlive the call.
[[gnu::noinline]] Output sum_through(
    const Input& in, absl::FunctionRef<std::uint64_t(std::uint64_t, std::uint64_t)> f) {
  return sum_of_calls(in, f);
}

Output absl_function_ref(const Input& in) {
  return with_callee(in, [&](auto f) {
    auto g = decorate(f);
    return sum_through(in, g);
  });
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "absl_function_ref", .model = "serial", .run = absl_function_ref});

}  // namespace
}  // namespace idiombench::wrappers::call_through_wrapper
