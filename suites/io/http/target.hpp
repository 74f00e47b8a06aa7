// Where the pages are: the fixture server on 127.0.0.1, or a user's server given as
// IDIOMBENCH_IO_URL=http://host:port/prefix (plain HTTP, an IPv4 address or a name).
#pragma once

#include <netinet/in.h>

#include <cstdint>
#include <optional>
#include <string>

namespace idiombench::io {

struct Target {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  std::string prefix;  // prepended to every path
  sockaddr_in address{};
};

// Parses "http://host[:port][/prefix]" and resolves the host; throws
// std::invalid_argument with what is wrong.
Target parse_target(const std::string& url);
Target local_target(std::uint16_t port);

}  // namespace idiombench::io
