// cheap_function/clock: CLOCK (second chance) of 128 entries.
#include "cheap_function/case.hpp"

namespace idiombench::memoization::cheap_function {
namespace {

[[maybe_unused]] const auto registered = add_cache_variant("clock", Clock{128});

}  // namespace
}  // namespace idiombench::memoization::cheap_function
