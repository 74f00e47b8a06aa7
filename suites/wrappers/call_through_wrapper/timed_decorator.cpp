// call_through_wrapper/timed_decorator: the source document's `timed`, which reads
// steady_clock before and after every call (decorators.hpp). Counter: calls timed.
#include "call_through_wrapper/case.hpp"
#include "call_through_wrapper/decorators.hpp"

namespace idiombench::wrappers::call_through_wrapper {
namespace {

Output timed_decorator(const Input& in, Context& ctx) {
  CallTimes times;
  Output sum = with_callee(in, [&](auto f) { return sum_of_calls(in, timed(f, times)); });
  ctx.counter("calls_timed", static_cast<double>(times.calls));
  return sum;
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "timed_decorator", .model = "serial", .run = timed_decorator});

}  // namespace
}  // namespace idiombench::wrappers::call_through_wrapper
