#include "http/blocking_connection.hpp"

#include <fmt/format.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace idiombench::io {

int milliseconds_left(Clock::time_point deadline) {
  auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 1 << 30));
}

namespace {

void set_timeouts(int fd, Clock::duration timeout) {
  const auto us = std::max<long long>(
      1, std::chrono::duration_cast<std::chrono::microseconds>(timeout).count());
  const timeval tv{static_cast<time_t>(us / 1000000), static_cast<suseconds_t>(us % 1000000)};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

bool timed_out(int error) {
  return error == EAGAIN || error == EWOULDBLOCK || error == EINPROGRESS;
}

}  // namespace

bool BlockingConnection::bound_waits_by(Clock::time_point deadline) {
  const auto left = deadline - Clock::now();
  if (left <= Clock::duration::zero()) return false;
  // Each page's deadline is as far off as the last one's, so the timeouts set for the
  // first page serve the next ones too: set again only when they are off by over 10%
  // (a wait that ends up to 10% early is retried with the exact time left).
  if (left * 10 < timeout_set_ * 9 || left * 10 > timeout_set_ * 11) {
    set_timeouts(socket_.get(), left);
    timeout_set_ = left;
  }
  return true;
}

PageResult BlockingConnection::fetch(const std::string& path, bool keep_alive,
                                     Clock::time_point deadline) {
  const bool reused = static_cast<bool>(socket_);
  bool nothing_received = false;
  PageResult result = attempt(path, keep_alive, deadline, nothing_received);
  if (!result.ok() && reused && nothing_received && Clock::now() < deadline) {
    result = attempt(path, keep_alive, deadline,
                     nothing_received);  // the kept connection had gone stale
  }
  return result;
}

PageResult BlockingConnection::attempt(const std::string& path, bool keep_alive,
                                       Clock::time_point deadline, bool& nothing_received) {
  nothing_received = true;
  auto give_up = [&](std::string why) {
    socket_.reset();
    return PageResult{"", std::move(why)};
  };
  if (!socket_) {
    socket_ = support::UniqueFd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!socket_) return give_up(fmt::format("socket: {}", std::strerror(errno)));
    const int one = 1;
    ::setsockopt(socket_.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    timeout_set_ = {};
    if (!bound_waits_by(deadline)) return give_up("timed out connecting");
    while (::connect(socket_.get(), reinterpret_cast<const sockaddr*>(&target_.address),
                     sizeof target_.address) != 0) {
      if (errno == EINTR) continue;
      return give_up(timed_out(errno) ? std::string("timed out connecting")
                                      : fmt::format("connect: {}", std::strerror(errno)));
    }
  }
  const std::string request = http_request(target_, path, keep_alive);
  for (std::size_t sent = 0; sent < request.size();) {
    if (!bound_waits_by(deadline)) return give_up("timed out sending the request");
    ssize_t put = ::send(socket_.get(), request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (put > 0) {
      sent += static_cast<std::size_t>(put);
    } else if (put < 0 && errno != EINTR && !timed_out(errno)) {
      return give_up(fmt::format("send: {}", std::strerror(errno)));
    }
  }
  ResponseParser parser;
  char buffer[65536];
  while (parser.state() == ResponseParser::State::incomplete) {
    if (!bound_waits_by(deadline)) return give_up("timed out waiting for the response");
    ssize_t got = ::recv(socket_.get(), buffer, sizeof buffer, 0);
    if (got > 0) {
      nothing_received = false;
      parser.feed({buffer, static_cast<std::size_t>(got)});
    } else if (got == 0) {
      parser.end_of_stream();
    } else if (errno != EINTR && !timed_out(errno)) {
      return give_up(fmt::format("recv: {}", std::strerror(errno)));
    }
  }
  if (!keep_alive || parser.state() != ResponseParser::State::complete || parser.closes() ||
      parser.surplus()) {
    socket_.reset();
  }
  return page_result(parser);
}

}  // namespace idiombench::io
