// libFuzzer target: what the fixture server reads of a request (fixture/request_head.cpp)
// and the page path it then parses (fixture/pages.cpp), on arbitrary bytes: never a
// crash or an out-of-bounds read, and a path that is part of the request line.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fixture/pages.hpp"
#include "fixture/request_head.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view head(reinterpret_cast<const char*>(data), size);
  const auto request = idiombench::io::parse_request_head(head);
  if (head.substr(0, head.find("\r\n")).find(request.path) == std::string_view::npos) std::abort();
  if (auto page = idiombench::io::parse_page_path(request.path)) {
    (void)idiombench::io::page_path(*page);
  }
  return 0;
}
