// call_through_wrapper/template_decorator: the decorator as a higher-order function
// template (decorators.hpp), the wrapper's type known to the caller.
#include "call_through_wrapper/case.hpp"
#include "call_through_wrapper/decorators.hpp"

namespace idiombench::wrappers::call_through_wrapper {
namespace {

Output template_decorator(const Input& in) {
  return with_callee(in, [&](auto f) { return sum_of_calls(in, decorate(f)); });
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "template_decorator", .model = "serial", .run = template_decorator});

}  // namespace
}  // namespace idiombench::wrappers::call_through_wrapper
