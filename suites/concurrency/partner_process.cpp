#include "partner_process.hpp"

#include <signal.h>
#include <sys/wait.h>

#include <stdexcept>
#include <string>
#include <system_error>

#include "idiombench/support/child_process.hpp"

namespace idiombench::concurrency {

PartnerProcess::PartnerProcess(std::vector<int> keep,
                               const std::function<std::uint64_t(std::uint64_t)>& serve) {
  auto [mine, theirs] = support::make_socketpair();
  const int control = theirs.get();
  keep.push_back(control);
  pid_ = support::fork_child(keep, [&] {
    std::uint64_t request;
    while (support::read_full(control, &request, sizeof request)) {
      const std::uint64_t reply = serve(request);
      support::write_full(control, &reply, sizeof reply);
    }
    return 0;
  });
  control_ = std::move(mine);
}

PartnerProcess::~PartnerProcess() {
  control_.reset();
  if (pid_ > 0) support::wait_child(pid_);
}

bool PartnerProcess::alive() const {
  if (pid_ <= 0) return false;
  siginfo_t info{};
  // WNOWAIT: look without reaping, so that died() can still say how it ended.
  if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0)
    return false;
  return info.si_pid == 0;
}

void PartnerProcess::died() {
  control_.reset();
  ::kill(pid_, SIGKILL);
  std::string how = support::wait_child(pid_);
  pid_ = -1;
  throw std::runtime_error("the partner process died" + (how.empty() ? std::string() : ": " + how));
}

void PartnerProcess::start(std::uint64_t request) {
  if (pid_ <= 0) throw std::runtime_error("the partner process died earlier");
  try {
    support::write_full(control_.get(), &request, sizeof request);
  } catch (const std::system_error&) {
    died();
  }
}

std::uint64_t PartnerProcess::finish() {
  std::uint64_t reply = 0;
  bool got = false;
  try {
    got = support::read_full(control_.get(), &reply, sizeof reply);
  } catch (const std::system_error&) {
  }
  if (!got) died();
  return reply;
}

}  // namespace idiombench::concurrency
