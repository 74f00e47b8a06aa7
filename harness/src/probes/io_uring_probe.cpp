// Says whether io_uring works here: the kernel may lack it or refuse it
// (kernel.io_uring_disabled, seccomp in containers).
#include <cstring>
#include <fstream>
#include <string>

#include "../backend_probe.hpp"

#ifdef IDIOMBENCH_HAVE_LIBURING
#include <liburing.h>
#endif

namespace idiombench {
namespace {

nlohmann::json probe_io_uring() {
#ifdef IDIOMBENCH_HAVE_LIBURING
  nlohmann::json out = {{"liburing_version", IDIOMBENCH_LIBURING_VERSION}};
  std::ifstream sysctl("/proc/sys/kernel/io_uring_disabled");
  int disabled = 0;
  if (sysctl >> disabled) out["io_uring_disabled"] = disabled;
  io_uring ring{};
  int rc = io_uring_queue_init(2, &ring, 0);
  if (rc < 0) {
    out["available"] = false;
    out["reason"] = std::string("io_uring refused by the kernel: ") + std::strerror(-rc);
    return out;
  }
  io_uring_queue_exit(&ring);
  out["available"] = true;
  return out;
#else
  return {{"available", false}, {"reason", "built without liburing"}};
#endif
}

const BackendProbeRegistration registration("io_uring", probe_io_uring);

}  // namespace
}  // namespace idiombench
