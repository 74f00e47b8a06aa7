#include "http/blocking_connection.hpp"

#include <fmt/format.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace idiombench::io {

int milliseconds_left(Clock::time_point deadline) {
  auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 1 << 30));
}

support::UniqueFd connect_by(const Target& target, Clock::time_point deadline, std::string& error) {
  support::UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (!fd) {
    error = fmt::format("socket: {}", std::strerror(errno));
    return {};
  }
  const int one = 1;
  ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&target.address),
                sizeof target.address) != 0) {
    if (errno != EINPROGRESS) {
      error = fmt::format("connect: {}", std::strerror(errno));
      return {};
    }
    pollfd p{fd.get(), POLLOUT, 0};
    int ready;
    while ((ready = ::poll(&p, 1, milliseconds_left(deadline))) < 0 && errno == EINTR) {
    }
    if (ready == 0) {
      error = "timed out connecting";
      return {};
    }
    int status = 0;
    socklen_t length = sizeof status;
    ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &status, &length);
    if (status != 0) {
      error = fmt::format("connect: {}", std::strerror(status));
      return {};
    }
  }
  return fd;
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
  if (!socket_) {
    std::string error;
    socket_ = connect_by(target_, deadline, error);
    if (!socket_) return {"", error};
  }
  const std::string request = http_request(target_, path, keep_alive);
  auto give_up = [&](std::string why) {
    socket_.reset();
    return PageResult{"", std::move(why)};
  };
  for (std::size_t sent = 0; sent < request.size();) {
    ssize_t put = ::send(socket_.get(), request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (put > 0) {
      sent += static_cast<std::size_t>(put);
      continue;
    }
    if (put < 0 && errno != EAGAIN && errno != EINTR)
      return give_up(fmt::format("send: {}", std::strerror(errno)));
    pollfd p{socket_.get(), POLLOUT, 0};
    if (::poll(&p, 1, milliseconds_left(deadline)) == 0)
      return give_up("timed out sending the request");
  }
  ResponseParser parser;
  char buffer[65536];
  while (parser.state() == ResponseParser::State::incomplete) {
    ssize_t got = ::recv(socket_.get(), buffer, sizeof buffer, 0);
    if (got > 0) {
      nothing_received = false;
      parser.feed({buffer, static_cast<std::size_t>(got)});
    } else if (got == 0) {
      parser.end_of_stream();
    } else if (errno == EAGAIN || errno == EINTR) {
      pollfd p{socket_.get(), POLLIN, 0};
      if (::poll(&p, 1, milliseconds_left(deadline)) == 0)
        return give_up("timed out waiting for the response");
    } else {
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
