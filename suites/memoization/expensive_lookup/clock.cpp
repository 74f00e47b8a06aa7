// expensive_lookup/clock: CLOCK (second chance) of `capacity` entries: a hit sets a bit.
#include "expensive_lookup/case.hpp"

namespace idiombench::memoization::expensive_lookup {
namespace {

[[maybe_unused]] const auto registered =
    add_cache_variant("clock", "serial", [](std::size_t n) { return Clock{n}; });

}  // namespace
}  // namespace idiombench::memoization::expensive_lookup
