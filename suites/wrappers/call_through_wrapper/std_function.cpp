// call_through_wrapper/std_function: the wrapper type-erased in a std::function, as when
// decorated functions are kept in a container or passed across an API.
#include <functional>

#include "call_through_wrapper/case.hpp"
#include "call_through_wrapper/decorators.hpp"

namespace idiombench::wrappers::call_through_wrapper {
namespace {

Output std_function(const Input& in) {
  return with_callee(in, [&](auto f) {
    std::function<std::uint64_t(std::uint64_t, std::uint64_t)> g = decorate(f);
    return sum_of_calls(in, g);
  });
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "std_function", .model = "serial", .run = std_function});

}  // namespace
}  // namespace idiombench::wrappers::call_through_wrapper
