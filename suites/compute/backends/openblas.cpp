// The OpenBLAS the blas variants call: which kernels it picked for this CPU (its "core":
// e.g. Haswell, SkylakeX, Cooperlake) and how it was configured. OPENBLAS_CORETYPE in
// the environment changes the core, and with it the baseline the gemm variants face.
#include <cblas.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "idiombench/backend.hpp"

namespace idiombench::compute {
namespace {

#if defined(__x86_64__)
// OpenBLAS's kernel sets that use AVX2 or wider (its DYNAMIC_ARCH core names).
bool wide_core(const std::string& core) {
  for (const char* name : {"haswell", "zen", "skylakex", "cooperlake", "sapphirerapids"}) {
    if (core == name) return true;
  }
  return false;
}
#endif

BackendStatus probe_openblas() {
  std::string core = openblas_get_corename();
  BackendStatus status{.available = true,
                       .details = {{"core", core}, {"config", openblas_get_config()}}};
  std::transform(core.begin(), core.end(), core.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
#if defined(__x86_64__)
  // A CPU the OpenBLAS build does not recognise falls back to old kernels, a baseline
  // many times slower than the library can be (Debian's 0.3.21 in a Xeon VM with
  // AVX-512 and 2 MiB of L2 per core: Prescott, 9 GFLOP/s where SkylakeX gives 54).
  if (__builtin_cpu_supports("avx2") && !wide_core(core)) {
    status.warnings.push_back("OpenBLAS runs its '" + std::string(openblas_get_corename()) +
                              "' kernels on a CPU with AVX2" +
                              (__builtin_cpu_supports("avx512f") ? " and AVX-512" : "") +
                              ": the blas variants are handicapped; set OPENBLAS_CORETYPE "
                              "(e.g. " +
                              (__builtin_cpu_supports("avx512f") ? "SkylakeX" : "Haswell") +
                              ") to the newest core it knows");
  }
#elif defined(__aarch64__)
  // Likewise on Arm: its generic ARMv8 kernels where it does not know the core (an
  // OpenBLAS older than the CPU: Debian 12's 0.3.21 knows Neoverse N1, V1 and N2).
  if (core == "armv8") {
    status.warnings.push_back(
        "OpenBLAS runs its generic 'armv8' kernels: it does not know this core, so the blas "
        "variants are handicapped; set OPENBLAS_CORETYPE (e.g. NEOVERSEN1) to the closest core "
        "it knows");
  }
#endif
  return status;
}

[[maybe_unused]] const auto declared =
    declare_backend({.name = "openblas", .probe = probe_openblas});

}  // namespace
}  // namespace idiombench::compute
