// The OpenBLAS the blas variants call: which kernels it picked for this CPU (its "core":
// e.g. Haswell, SkylakeX, Cooperlake) and how it was configured. OPENBLAS_CORETYPE in
// the environment changes the core, and with it the baseline the gemm variants face.
#include <cblas.h>

#include <string>

#include "idiombench/backend.hpp"

namespace idiombench::compute {
namespace {

BackendStatus probe_openblas() {
  return {.available = true,
          .details = {{"core", openblas_get_corename()}, {"config", openblas_get_config()}}};
}

[[maybe_unused]] const auto declared =
    declare_backend({.name = "openblas", .probe = probe_openblas});

}  // namespace
}  // namespace idiombench::compute
