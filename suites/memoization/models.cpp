// The execution models the memoization suite's variants use, described for `list` and `info`.
#include "idiombench/model.hpp"

namespace idiombench::memoization {
namespace {

[[maybe_unused]] const auto serial = declare_model(
    {.name = "serial",
     .description = "one thread on one core: the idiom's own cost, nothing in parallel"});
[[maybe_unused]] const auto threads = declare_model(
    {.name = "threads",
     .description =
         "threads of one process sharing memory: std::jthread, std::async or a thread pool"});

}  // namespace
}  // namespace idiombench::memoization
