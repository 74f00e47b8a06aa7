// call_through_wrapper/bind_front: std::bind_front binds the salt (Python's
// functools.partial), the result called with the argument alone.
#include <functional>

#include "call_through_wrapper/case.hpp"

namespace idiombench::wrappers::call_through_wrapper {
namespace {

Output bind_front(const Input& in) {
  return with_callee(in, [&](auto f) {
    // bind_front(f, salt)(x) calls f(salt, x): the bound function takes the salt first.
    auto g =
        std::bind_front([f](std::uint64_t salt, std::uint64_t x) { return f(x, salt); }, in.salt);
    Output sum = 0;
    for (auto x : in.arguments) sum += g(x);
    return sum;
  });
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "bind_front", .model = "serial", .run = bind_front});

}  // namespace
}  // namespace idiombench::wrappers::call_through_wrapper
