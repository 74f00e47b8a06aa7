// The execution models the concurrency suite's variants use, described for `list` and `info`.
#include "idiombench/model.hpp"

namespace idiombench::concurrency {
namespace {

[[maybe_unused]] const auto serial = declare_model(
    {.name = "serial",
     .description = "one thread on one core: the idiom's own cost, nothing in parallel"});
[[maybe_unused]] const auto threads = declare_model(
    {.name = "threads",
     .description =
         "threads of one process sharing memory: std::jthread, std::async or a thread pool"});
[[maybe_unused]] const auto processes =
    declare_model({.name = "processes",
                   .description = "forked worker processes: separate address spaces, data moved "
                                  "over pipes, sockets or shared memory"});
[[maybe_unused]] const auto async =
    declare_model({.name = "async",
                   .description = "one thread multiplexing many waits: an event loop, coroutines, "
                                  "io_uring or curl's multi interface"});
[[maybe_unused]] const auto openmp = declare_model(
    {.name = "openmp", .description = "OpenMP parallel regions and worksharing loops"});
[[maybe_unused]] const auto tbb = declare_model(
    {.name = "tbb",
     .description =
         "oneTBB's work-stealing task scheduler (parallel_for, parallel_reduce, task arenas)"});

}  // namespace
}  // namespace idiombench::concurrency
