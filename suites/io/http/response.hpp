// HTTP/1.1 on the client side, as every hand-written variant needs it: the request
// bytes, an incremental response parser (status line, headers, a Content-Length body),
// and the page's outcome: its <title> from a real HTML parser (libxml2's, driven as a
// SAX parser that stops at </title>: it never builds the tree of the whole page), or an
// error.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "http/target.hpp"

namespace idiombench::io {

// One page's outcome: a title, or why there is none.
struct PageResult {
  std::string title;
  std::string error;  // empty when the page was fetched and parsed
  bool ok() const { return error.empty(); }
  bool operator==(const PageResult&) const = default;
};

std::string http_request(const Target& target, const std::string& path, bool keep_alive);

class ResponseParser {
 public:
  enum class State { incomplete, complete, failed };

  // Feeds received bytes; returns the state after them.
  State feed(std::string_view bytes);
  // The peer closed the connection: a response cut short fails.
  State end_of_stream();

  State state() const { return state_; }
  int status() const { return status_; }
  const std::string& body() const { return body_; }
  const std::string& error() const { return error_; }
  // The server will close (Connection: close, or HTTP/1.0 without keep-alive).
  bool closes() const { return closes_; }
  // Bytes received past the end of this response (the connection must not be reused).
  bool surplus() const { return surplus_; }

 private:
  State fail(std::string why);
  State parse_head();

  State state_ = State::incomplete;
  std::string head_, body_, error_;
  bool in_body_ = false, closes_ = false, surplus_ = false;
  int status_ = 0;
  std::size_t content_length_ = 0;
};

// The outcome of a finished parser: the title for a 200, an error otherwise.
PageResult page_result(const ResponseParser& parser);

// The text of the document's first <title>, entities decoded, whitespace as written.
std::string extract_title(const std::string& html);

}  // namespace idiombench::io
