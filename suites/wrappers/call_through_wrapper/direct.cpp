// call_through_wrapper/direct: no wrapper, the function called by name.
#include "call_through_wrapper/case.hpp"

namespace idiombench::wrappers::call_through_wrapper {
namespace {

Output direct(const Input& in) {
  Output sum = 0;
  if (in.elsewhere) {
    for (auto x : in.arguments) sum += small_function_elsewhere(x, in.salt);
  } else {
    for (auto x : in.arguments) sum += small_function(x, in.salt);
  }
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "direct", .model = "serial", .run = direct});

}  // namespace
}  // namespace idiombench::wrappers::call_through_wrapper
