// libFuzzer target: the client's HTTP response parser (http/response.cpp) fed arbitrary
// bytes in arbitrary pieces, then the end of the stream. It must never crash, never read
// out of bounds (AddressSanitizer), and keep its invariants: a complete response has a
// status, a failed one says why, and a body is never longer than what was received.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/response.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using idiombench::io::ResponseParser;
  if (size == 0) return 0;
  const std::size_t piece = 1 + data[0] % 64;  // the first byte picks how the rest is split
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  ResponseParser parser;
  for (std::size_t at = 0; at < bytes.size(); at += piece) parser.feed(bytes.substr(at, piece));
  parser.end_of_stream();
  if (parser.state() == ResponseParser::State::incomplete) std::abort();
  if (parser.state() == ResponseParser::State::failed && parser.error().empty()) std::abort();
  if (parser.state() == ResponseParser::State::complete &&
      (parser.status() < 100 || parser.body().size() > bytes.size()))
    std::abort();
  (void)idiombench::io::page_result(parser);
  return 0;
}
