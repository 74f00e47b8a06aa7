// One client connection used the blocking way: send the request, wait for the whole
// response, one page at a time, on a blocking socket: one recv per response where the
// data has arrived, as a plain client is written. Every wait is bounded by the page's
// deadline through the socket's own timeouts (SO_RCVTIMEO / SO_SNDTIMEO, which also
// bound connect), so a server that never answers costs a timeout, not a hang. The
// connection is kept for the next page when both sides agree to keep it alive; a kept
// connection the server has meanwhile closed is reopened once, as browsers do.
#pragma once

#include <chrono>
#include <string>

#include "http/response.hpp"
#include "http/target.hpp"
#include "idiombench/support/unique_fd.hpp"

namespace idiombench::io {

using Clock = std::chrono::steady_clock;

class BlockingConnection {
 public:
  explicit BlockingConnection(const Target& target) : target_(target) {}
  PageResult fetch(const std::string& path, bool keep_alive, Clock::time_point deadline);
  void close() { socket_.reset(); }

 private:
  PageResult attempt(const std::string& path, bool keep_alive, Clock::time_point deadline,
                     bool& nothing_received);
  // Makes the socket's timeouts end about at `deadline`; false once it has passed.
  bool bound_waits_by(Clock::time_point deadline);

  Target target_;
  support::UniqueFd socket_;
  Clock::duration timeout_set_{};  // the SO_RCVTIMEO / SO_SNDTIMEO now on socket_
};

// Milliseconds left until `deadline` for poll(), at least 0.
int milliseconds_left(Clock::time_point deadline);

}  // namespace idiombench::io
