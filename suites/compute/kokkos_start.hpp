// Starting Kokkos once per process, with the thread count of the first benchmark that
// needs it (each `idiombench run` benchmark is its own process, so that is its count).
#pragma once

#include <Kokkos_Core.hpp>

#include <cstdlib>

namespace idiombench::compute {

inline void start_kokkos(int threads) {
  if (Kokkos::is_initialized()) return;
  Kokkos::initialize(
      Kokkos::InitializationSettings().set_num_threads(threads).set_disable_warnings(true));
  std::atexit([] { Kokkos::finalize(); });
}

}  // namespace idiombench::compute
