// The execution models the iteration suite's variants use, described for `list` and `info`.
#include "idiombench/model.hpp"

namespace idiombench::iteration {
namespace {

[[maybe_unused]] const auto serial = declare_model(
    {.name = "serial",
     .description = "one thread on one core: the idiom's own cost, nothing in parallel"});

}  // namespace
}  // namespace idiombench::iteration
