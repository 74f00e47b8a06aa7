#include "http/response.hpp"

#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace idiombench::io {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

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

ResponseParser::State ResponseParser::fail(std::string why) {
  error_ = std::move(why);
  return state_ = State::failed;
}

ResponseParser::State ResponseParser::parse_head() {
  // Status line: HTTP/1.x SP 3DIGIT SP reason
  const auto line_end = head_.find("\r\n");
  const std::string_view line(head_.data(), line_end);
  if (line.size() < 12 || line.substr(0, 7) != "HTTP/1." || line[8] != ' ') {
    return fail(fmt::format("malformed status line '{}'", line.substr(0, 40)));
  }
  auto [ptr, ec] = std::from_chars(line.data() + 9, line.data() + 12, status_);
  if (ec != std::errc() || ptr != line.data() + 12) {
    return fail(fmt::format("malformed status line '{}'", line.substr(0, 40)));
  }
  const bool http10 = line[7] == '0';
  bool keep_alive = !http10, have_length = false;
  for (std::size_t at = line_end + 2; at < head_.size();) {
    const auto end = head_.find("\r\n", at);
    const std::string header = lower(std::string_view(head_).substr(at, end - at));
    at = end + 2;
    const auto colon = header.find(':');
    if (colon == std::string::npos) continue;
    std::string_view name(header.data(), colon),
        value(header.data() + colon + 1, header.size() - colon - 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (name == "content-length") {
      auto [p, e] = std::from_chars(value.data(), value.data() + value.size(), content_length_);
      if (e != std::errc()) return fail("malformed Content-Length");
      have_length = true;
    } else if (name == "connection") {
      keep_alive =
          value.find("close") == std::string_view::npos && (!http10 || value == "keep-alive");
    } else if (name == "transfer-encoding" && value != "identity") {
      return fail("Transfer-Encoding '" + std::string(value) + "' is not supported");
    }
  }
  if (!have_length) return fail("no Content-Length");
  closes_ = !keep_alive;
  in_body_ = true;
  return State::incomplete;
}

ResponseParser::State ResponseParser::feed(std::string_view bytes) {
  if (state_ != State::incomplete) {
    if (!bytes.empty()) surplus_ = true;
    return state_;
  }
  if (!in_body_) {
    head_.append(bytes);
    const auto end = head_.find("\r\n\r\n");
    if (end == std::string::npos) {
      if (head_.size() > 65536) return fail("response head larger than 64 KiB");
      return state_;
    }
    std::string rest = head_.substr(end + 4);
    head_.resize(end + 2);
    if (parse_head() == State::failed) return state_;
    bytes = {};
    body_ = std::move(rest);
  } else {
    body_.append(bytes);
  }
  if (body_.size() >= content_length_) {
    if (body_.size() > content_length_) surplus_ = true;
    body_.resize(content_length_);
    state_ = State::complete;
  }
  return state_;
}

ResponseParser::State ResponseParser::end_of_stream() {
  if (state_ != State::incomplete) return state_;
  if (!in_body_) {
    return fail(head_.empty() ? "connection closed before any response"
                              : "connection closed in the middle of the response head");
  }
  return fail(
      fmt::format("truncated response: {} of {} body bytes", body_.size(), content_length_));
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
