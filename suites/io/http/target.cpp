#include "http/target.hpp"

#include <arpa/inet.h>
#include <netdb.h>

#include <charconv>
#include <stdexcept>

namespace idiombench::io {

Target local_target(std::uint16_t port) {
  Target t;
  t.port = port;
  t.address.sin_family = AF_INET;
  t.address.sin_port = htons(port);
  t.address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return t;
}

Target parse_target(const std::string& url) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0) throw std::invalid_argument("'" + url + "': only http:// URLs");
  std::string rest = url.substr(scheme.size());
  Target t;
  const auto slash = rest.find('/');
  if (slash != std::string::npos) {
    t.prefix = rest.substr(slash);
    if (!t.prefix.empty() && t.prefix.back() == '/') t.prefix.pop_back();
    rest = rest.substr(0, slash);
  }
  t.port = 80;
  if (const auto colon = rest.find(':'); colon != std::string::npos) {
    const std::string digits = rest.substr(colon + 1);
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), t.port);
    if (ec != std::errc() || ptr != digits.data() + digits.size() || t.port == 0) {
      throw std::invalid_argument("'" + url + "': bad port");
    }
    rest = rest.substr(0, colon);
  }
  if (rest.empty()) throw std::invalid_argument("'" + url + "': no host");
  t.host = rest;
  addrinfo hints{};
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (int e = ::getaddrinfo(rest.c_str(), nullptr, &hints, &found); e != 0) {
    throw std::invalid_argument("'" + url + "': cannot resolve " + rest + ": " + gai_strerror(e));
  }
  t.address = *reinterpret_cast<sockaddr_in*>(found->ai_addr);
  t.address.sin_port = htons(t.port);
  ::freeaddrinfo(found);
  return t;
}

}  // namespace idiombench::io
