// HTTP/1.1 on the client side, as every hand-written variant needs it: the request
// bytes, an incremental response parser (Boost.Beast's: a Content-Length, chunked or
// read-until-close body, whatever the split of the bytes), and the page's outcome: its <title> from
// a real HTML parser (libxml2's, driven as a SAX parser that stops at </title>: it never builds the
// tree of the whole page), or an error.
#pragma once

#include <cstddef>
#include <memory>
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

  ResponseParser();
  ~ResponseParser();
  ResponseParser(ResponseParser&&) noexcept;
  ResponseParser& operator=(ResponseParser&&) noexcept;

  // Feeds received bytes; returns the state after them.
  State feed(std::string_view bytes);
  // The peer closed the connection: ends a body read until close, fails a response cut
  // short.
  State end_of_stream();

  State state() const { return state_; }
  int status() const { return status_; }
  const std::string& body() const { return body_; }
  const std::string& error() const { return error_; }
  // The server will close (Connection: close, HTTP/1.0 without keep-alive, or a body
  // that ends with the connection).
  bool closes() const { return closes_; }
  // Bytes received past the end of this response (the connection must not be reused).
  bool surplus() const { return surplus_; }

 private:
  struct Beast;  // Boost.Beast's parser, kept out of this header
  State fail(std::string why);
  State finish();
  State body_too_large();

  std::unique_ptr<Beast> beast_;
  std::string pending_;  // received bytes the parser has not taken yet
  State state_ = State::incomplete;
  std::string body_, error_;
  bool closes_ = false, surplus_ = false;
  int status_ = 0;
  std::size_t received_ = 0;
};

// The outcome of a finished parser: the title for a 200, an error otherwise.
PageResult page_result(const ResponseParser& parser);

// The text of the document's first <title>, entities decoded, whitespace as written.
std::string extract_title(const std::string& html);

}  // namespace idiombench::io
