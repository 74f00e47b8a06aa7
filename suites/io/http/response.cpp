#include "http/response.hpp"

#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstdint>

namespace idiombench::io {

namespace beast_http = boost::beast::http;

namespace {

// SAX callbacks: collect the text inside the first <title>, then stop the parser.
struct TitleSearch {
  htmlParserCtxtPtr context = nullptr;
  bool inside = false, done = false;
  std::string title;
};

void start_element(void* user, const xmlChar* name, const xmlChar**) {
  auto* search = static_cast<TitleSearch*>(user);
  if (!search->done && xmlStrcasecmp(name, BAD_CAST "title") == 0) search->inside = true;
}

void end_element(void* user, const xmlChar* name) {
  auto* search = static_cast<TitleSearch*>(user);
  if (search->inside && xmlStrcasecmp(name, BAD_CAST "title") == 0) {
    search->inside = false;
    search->done = true;
    xmlStopParser(search->context);  // the rest of the page is not needed
  }
}

void characters(void* user, const xmlChar* text, int length) {
  auto* search = static_cast<TitleSearch*>(user);
  if (search->inside)
    search->title.append(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length));
}

}  // namespace

std::string http_request(const Target& target, const std::string& path, bool keep_alive) {
  return fmt::format(
      "GET {}{} HTTP/1.1\r\nHost: {}:{}\r\nUser-Agent: idiombench\r\nConnection: {}\r\n\r\n",
      target.prefix, path, target.host, target.port, keep_alive ? "keep-alive" : "close");
}

constexpr std::uint64_t body_limit = 64 * 1024 * 1024;

struct ResponseParser::Beast {
  beast_http::response_parser<beast_http::string_body> parser;
  Beast() {
    parser.header_limit(64 * 1024);
    parser.body_limit(body_limit);
    // Not eager: put() stops after the head, so that the Content-Length is checked below
    // before the string body reserves it. Boost 1.74 checks a response's Content-Length
    // against the body limit too late (found by the fuzz target: 16 GB reserved).
    parser.eager(false);
  }
};

ResponseParser::ResponseParser() : beast_(std::make_unique<Beast>()) {}
ResponseParser::~ResponseParser() = default;
ResponseParser::ResponseParser(ResponseParser&&) noexcept = default;
ResponseParser& ResponseParser::operator=(ResponseParser&&) noexcept = default;

ResponseParser::State ResponseParser::fail(std::string why) {
  error_ = std::move(why);
  return state_ = State::failed;
}

ResponseParser::State ResponseParser::body_too_large() {
  if (const auto length = beast_->parser.content_length())
    return fail(fmt::format("response body of {} bytes is larger than the 64 MiB limit", *length));
  return fail("response body larger than the 64 MiB limit");
}

ResponseParser::State ResponseParser::finish() {
  auto& message = beast_->parser.get();
  status_ = static_cast<int>(message.result_int());
  // The grammar allows any three digits; HTTP defines 100-599 (found by the fuzz target).
  if (status_ < 100 || status_ > 599)
    return fail(fmt::format("status {:03} is not an HTTP status", status_));
  body_ = std::move(message.body());
  closes_ = !message.keep_alive() || beast_->parser.need_eof();
  return state_ = State::complete;
}

ResponseParser::State ResponseParser::feed(std::string_view bytes) {
  if (state_ != State::incomplete) {
    if (!bytes.empty()) surplus_ = true;
    return state_;
  }
  received_ += bytes.size();
  pending_.append(bytes);
  auto& parser = beast_->parser;
  while (!pending_.empty()) {
    boost::beast::error_code error;
    const std::size_t used = parser.put(boost::asio::buffer(pending_), error);
    pending_.erase(0, used);
    if (error == beast_http::error::need_more) break;  // the rest waits for more bytes
    if (error == beast_http::error::header_limit) return fail("response head larger than 64 KiB");
    if (error == beast_http::error::body_limit) return body_too_large();
    if (error) {
      const auto line = pending_.substr(0, std::min<std::size_t>(40, pending_.find("\r\n")));
      return fail(parser.is_header_done()
                      ? "malformed response body: " + error.message()
                      : fmt::format("malformed status line or headers ({}) near '{}'",
                                    error.message(), line));
    }
    if (parser.is_done()) {
      if (!pending_.empty()) surplus_ = true;
      return finish();
    }
    if (const auto length = parser.content_length();
        parser.is_header_done() && length && *length > body_limit) {
      return body_too_large();
    }
    if (used == 0) break;
  }
  return state_;
}

ResponseParser::State ResponseParser::end_of_stream() {
  if (state_ != State::incomplete) return state_;
  auto& parser = beast_->parser;
  if (!parser.is_header_done()) {
    return fail(received_ == 0 ? "connection closed before any response"
                               : "connection closed in the middle of the response head");
  }
  boost::beast::error_code error;
  parser.put_eof(error);
  if (!error && parser.is_done()) return finish();  // a body that ends with the connection
  const std::size_t got = parser.get().body().size();
  if (auto length = parser.content_length()) {
    return fail(fmt::format("truncated response: {} of {} body bytes", got, *length));
  }
  return fail(fmt::format("truncated response: the chunked body ended after {} bytes", got));
}

PageResult page_result(const ResponseParser& parser) {
  if (parser.state() == ResponseParser::State::failed) return {"", parser.error()};
  if (parser.state() != ResponseParser::State::complete) return {"", "incomplete response"};
  if (parser.status() != 200) return {"", fmt::format("HTTP status {}", parser.status())};
  return {extract_title(parser.body()), ""};
}

std::string extract_title(const std::string& html) {
  static const bool initialised = [] {
    xmlInitParser();  // once, before threads share the library
    return true;
  }();
  (void)initialised;
  htmlSAXHandler handler{};
  handler.startElement = start_element;
  handler.endElement = end_element;
  handler.characters = characters;
  TitleSearch search;
  search.context =
      htmlCreatePushParserCtxt(&handler, &search, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8);
  if (!search.context) return {};
  htmlCtxtUseOptions(search.context, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  htmlParseChunk(search.context, html.data(), static_cast<int>(html.size()), 1);
  htmlFreeParserCtxt(search.context);
  return search.title;
}

}  // namespace idiombench::io
