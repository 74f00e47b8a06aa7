// One client connection used the blocking way: send the request, wait for the whole
// response, one page at a time. Every wait is bounded by the page's deadline (poll with
// the time left), so a server that never answers costs a timeout, not a hang. The
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

  Target target_;
  support::UniqueFd socket_;
};

// Opens a non-blocking TCP connection to `target` by `deadline` (TCP_NODELAY set);
// on failure returns an empty fd and says why in `error`.
support::UniqueFd connect_by(const Target& target, Clock::time_point deadline, std::string& error);

// Milliseconds left until `deadline` for poll(), at least 0.
int milliseconds_left(Clock::time_point deadline);

}  // namespace idiombench::io
