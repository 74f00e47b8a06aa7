// The execution models more than one suite uses, described once, with how instruction-
// count mode treats them. A suite declares the
// ones its variants use (declare_model(shared_models::threads)); a model only one
// suite uses is that suite's to describe.
#pragma once

#include "idiombench/model.hpp"

namespace idiombench::shared_models {

inline const ModelSpec serial{"serial",
                              "one thread on one core: the idiom's own cost, nothing in parallel",
                              InstructionCounts::exact};
inline const ModelSpec simd{
    "simd",
    "one thread with explicit vector instructions (xsimd, the instruction set chosen at run time)",
    InstructionCounts::exact};
inline const ModelSpec threads{
    "threads", "threads of one process sharing memory: std::jthread, std::async or a thread pool"};
inline const ModelSpec processes{"processes",
                                 "forked worker processes: separate address spaces, data moved "
                                 "over pipes, sockets or shared memory",
                                 InstructionCounts::uncountable};
inline const ModelSpec async{"async",
                             "one thread multiplexing many waits: an event loop, coroutines, "
                             "io_uring or curl's multi interface"};
inline const ModelSpec openmp{"openmp", "OpenMP parallel regions and worksharing loops"};
inline const ModelSpec tbb{
    "tbb", "oneTBB's work-stealing task scheduler (parallel_for, parallel_reduce, task arenas)"};
inline const ModelSpec kokkos{"kokkos",
                              "Kokkos parallel patterns on its host execution space (OpenMP)"};
inline const ModelSpec kokkos_cuda{
    "kokkos_cuda",
    "the same Kokkos kernels built for a CUDA device (a unit loaded only when one is present)",
    InstructionCounts::uncountable};
inline const ModelSpec cuda{"cuda", "an NVIDIA GPU through the CUDA runtime, Thrust or cuBLAS",
                            InstructionCounts::uncountable};

}  // namespace idiombench::shared_models
