// cheap_function/direct: call the function (the baseline).
#include "cheap_function/case.hpp"

namespace idiombench::memoization::cheap_function {
namespace {

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "direct", .model = "serial", .run = [](const Input& keys) {
                              return sum_uncached(keys, cheap);
                            }});

}  // namespace
}  // namespace idiombench::memoization::cheap_function
