// Stands in for cuda_probe.cu when this build has no CUDA compiler.
#include "../backend_probe.hpp"

namespace idiombench {
namespace {

nlohmann::json probe_cuda() {
  return {{"available", false}, {"reason", IDIOMBENCH_CUDA_REASON}};
}

const BackendProbeRegistration registration("cuda", probe_cuda);

}  // namespace
}  // namespace idiombench
