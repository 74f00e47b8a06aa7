// call_through_wrapper/virtual_call: the function behind an interface whose
// implementation the caller cannot see (made in callee.cpp).
#include "call_through_wrapper/callee.hpp"

namespace idiombench::wrappers::call_through_wrapper {
namespace {

Output virtual_call(const Input& in) {
  auto callee = make_callee(in.elsewhere);
  const Callee& f = *callee;
  return sum_of_calls(in, f);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "virtual_call", .model = "serial", .run = virtual_call});

}  // namespace
}  // namespace idiombench::wrappers::call_through_wrapper
