// A partner process kept for the life of a benchmark process: ipc_roundtrip,
// queue_handoff and transfer_cost talk to one, and forking it afresh for every call
// would add a fork (~0.2 ms) to what they measure. For each session the parent sends
// the partner a 64-bit request over a control socketpair; the partner's `serve` runs
// with it and its 64-bit reply comes back the same way.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "idiombench/support/unique_fd.hpp"

namespace idiombench::concurrency {

class PartnerProcess {
 public:
  // `keep`: the descriptors (besides its control end) the partner needs.
  PartnerProcess(std::vector<int> keep,
                 const std::function<std::uint64_t(std::uint64_t request)>& serve);
  ~PartnerProcess();  // end of file on the control channel: the partner exits; reaped
  PartnerProcess(const PartnerProcess&) = delete;
  PartnerProcess& operator=(const PartnerProcess&) = delete;

  // Starts a session: the partner begins serving `request`.
  void start(std::uint64_t request);
  // Waits for the session's reply; throws std::runtime_error if the partner died.
  std::uint64_t finish();
  // True while the partner process has not exited (for loops that wait on memory).
  bool alive() const;
  pid_t pid() const { return pid_; }

 private:
  [[noreturn]] void died();

  support::UniqueFd control_;
  pid_t pid_ = -1;
};

}  // namespace idiombench::concurrency
