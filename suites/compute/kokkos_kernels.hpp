// The Kokkos kernels, written once for every Kokkos configuration: the host variants
// (model kokkos, OpenMP) and the kokkos_cuda unit (Serial + CUDA, built by nvcc_wrapper)
// compile this same header, each for its own execution space. The arrays are the
// caller's, in that space's memory, wrapped in unmanaged views.
#pragma once

#include <Kokkos_Core.hpp>
#include <Kokkos_ScatterView.hpp>
#include <cstddef>
#include <cstdint>

#include "stencil/kernel.hpp"
#include "stream/kernels.hpp"

namespace idiombench::compute::kokkos_kernels {
// Internal linkage, like the kernels they run: one copy per configuration.
namespace {

template <class Space, class T>
using Unmanaged = Kokkos::View<T*, typename Space::memory_space, Kokkos::MemoryUnmanaged>;

// out[i] = op(x[i], y[i]) for one STREAM operation.
template <class Space, class Op>
void map(const double* x, const double* y, double* out, std::size_t n, Op op) {
  Unmanaged<Space, const double> xs(x, n), ys(y, n);
  Unmanaged<Space, double> outs(out, n);
  Kokkos::parallel_for(
      "stream_map", Kokkos::RangePolicy<Space>(0, n),
      KOKKOS_LAMBDA(const std::size_t i) { outs(i) = op(xs(i), ys(i)); });
  Space().fence();
}

// sum(x[i] * y[i]); parallel_reduce into a host scalar waits for the result.
template <class Space>
double dot(const double* x, const double* y, std::size_t n) {
  Unmanaged<Space, const double> xs(x, n), ys(y, n);
  double sum = 0;
  Kokkos::parallel_reduce(
      "stream_dot", Kokkos::RangePolicy<Space>(0, n),
      KOKKOS_LAMBDA(const std::size_t i, double& partial) { partial += xs(i) * ys(i); }, sum);
  return sum;
}

// One Jacobi sweep of the n x n grid, a team per row: on a GPU the team's threads take
// consecutive columns (coalesced), on a CPU a team is one thread running the row's columns
// as one loop. The interior columns have no branch (vectorisable); the boundary is copied.
// (A 2-D MDRangePolicy measured worse on both: its CUDA tiles are 2 x 16 threads with the
// row index fastest, and on the host its per-point boundary test kept the loop scalar.)
template <class Space>
void stencil_sweep(const double* in, double* out, std::size_t n) {
  using Member = typename Kokkos::TeamPolicy<Space>::member_type;
  Kokkos::parallel_for(
      "stencil_sweep", Kokkos::TeamPolicy<Space>(static_cast<int>(n), Kokkos::AUTO),
      KOKKOS_LAMBDA(const Member& team) {
        const auto i = static_cast<std::size_t>(team.league_rank());
        if (i == 0 || i + 1 == n) {
          Kokkos::parallel_for(Kokkos::TeamThreadRange(team, n),
                               [&](const std::size_t j) { out[i * n + j] = in[i * n + j]; });
          return;
        }
        Kokkos::parallel_for(
            Kokkos::TeamThreadRange(team, std::size_t{1}, n - 1),
            [&](const std::size_t j) { out[i * n + j] = stencil::five_point(in, n, i, j); });
        Kokkos::single(Kokkos::PerTeam(team), [&] {
          out[i * n] = in[i * n];
          out[i * n + n - 1] = in[i * n + n - 1];
        });
      });
  Space().fence();
}

// The smallest unit of work: one iteration that stores `token` into `seen`, and the fence.
template <class Space>
void launch(int* seen, int token) {
  Kokkos::parallel_for(
      "launch", Kokkos::RangePolicy<Space>(0, 1), KOKKOS_LAMBDA(const int) { *seen = token; });
  Space().fence();
}

// Counts `values` into `bins` (zeroed by the caller) through ScatterView: duplicated
// bins per thread on OpenMP, atomics on CUDA, as Kokkos chooses for the space.
template <class Space>
void histogram(const std::uint32_t* values, std::size_t count, std::uint64_t* bins,
               std::size_t bin_count) {
  Unmanaged<Space, const std::uint32_t> samples(values, count);
  Unmanaged<Space, std::uint64_t> counts(bins, bin_count);
  auto scatter = Kokkos::Experimental::create_scatter_view(counts);
  Kokkos::parallel_for(
      "histogram", Kokkos::RangePolicy<Space>(0, count), KOKKOS_LAMBDA(const std::size_t i) {
        auto access = scatter.access();
        access(samples(i)) += 1;
      });
  Kokkos::Experimental::contribute(counts, scatter);
  Space().fence();
}

}  // namespace
}  // namespace idiombench::compute::kokkos_kernels
