// The execution models the compute suite's variants use, described for `list` and `info`.
#include "idiombench/model.hpp"

namespace idiombench::compute {
namespace {

[[maybe_unused]] const auto serial = declare_model(
    {.name = "serial",
     .description = "one thread on one core: the idiom's own cost, nothing in parallel"});
[[maybe_unused]] const auto simd =
    declare_model({.name = "simd",
                   .description = "one thread with explicit vector instructions (xsimd, the "
                                  "instruction set chosen at run time)"});
[[maybe_unused]] const auto threads = declare_model(
    {.name = "threads",
     .description =
         "threads of one process sharing memory: std::jthread, std::async or a thread pool"});
[[maybe_unused]] const auto openmp = declare_model(
    {.name = "openmp", .description = "OpenMP parallel regions and worksharing loops"});
[[maybe_unused]] const auto tbb = declare_model(
    {.name = "tbb",
     .description =
         "oneTBB's work-stealing task scheduler (parallel_for, parallel_reduce, task arenas)"});
[[maybe_unused]] const auto kokkos = declare_model(
    {.name = "kokkos", .description = "Kokkos parallel patterns on its default execution space"});
[[maybe_unused]] const auto cuda = declare_model(
    {.name = "cuda", .description = "an NVIDIA GPU through the CUDA runtime, Thrust or cuBLAS"});

}  // namespace
}  // namespace idiombench::compute
