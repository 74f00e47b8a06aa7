// The HTTP pieces every hand-written variant relies on: the response parser fed in any
// split, the title from a real HTML parser, the fixture's URL space, target URLs.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "fixture/pages.hpp"
#include "http/response.hpp"
#include "http/target.hpp"

namespace idiombench::io {
namespace {

using State = ResponseParser::State;

const std::string kPage = page_html(7, 3000);
const std::string kResponse = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                              std::to_string(kPage.size()) + "\r\n\r\n" + kPage;

TEST(ResponseParser, ParsesAResponseFedInAnySplit) {
  for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{100}, kResponse.size()}) {
    ResponseParser parser;
    for (std::size_t at = 0; at < kResponse.size(); at += chunk) {
      ASSERT_NE(parser.feed(std::string_view(kResponse).substr(at, chunk)), State::failed)
          << parser.error();
    }
    ASSERT_EQ(parser.state(), State::complete) << "chunk " << chunk;
    EXPECT_EQ(parser.status(), 200);
    EXPECT_EQ(parser.body(), kPage);
    EXPECT_FALSE(parser.closes());
    EXPECT_FALSE(parser.surplus());
    EXPECT_EQ(page_result(parser), (PageResult{page_title(7), ""}));
  }
}

TEST(ResponseParser, SaysWhatIsWrong) {
  auto parse = [](const std::string& text, bool then_close) {
    ResponseParser parser;
    parser.feed(text);
    if (then_close) parser.end_of_stream();
    return parser;
  };
  auto garbled = parse("HTTX/1.1 two hundred\r\n\r\n", false);
  EXPECT_EQ(garbled.state(), State::failed);
  EXPECT_NE(garbled.error().find("malformed status line"), std::string::npos);

  auto truncated = parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", true);
  EXPECT_EQ(truncated.state(), State::failed);
  EXPECT_NE(truncated.error().find("truncated response: 3 of 10"), std::string::npos)
      << truncated.error();

  auto no_head = parse("", true);
  EXPECT_NE(no_head.error().find("before any response"), std::string::npos);
  auto cut_chunked = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", true);
  EXPECT_EQ(cut_chunked.state(), State::failed);
  EXPECT_NE(cut_chunked.error().find("chunked body ended"), std::string::npos)
      << cut_chunked.error();
  auto bad_chunk = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", false);
  EXPECT_EQ(bad_chunk.state(), State::failed) << "a chunk size that is not hexadecimal";
  auto huge_head = parse("HTTP/1.1 200 OK\r\nX: " + std::string(70000, 'x') + "\r\n\r\n", false);
  EXPECT_EQ(huge_head.error(), "response head larger than 64 KiB");

  // Found by the libFuzzer target (suites/io/fuzz): three digits, but no HTTP status.
  auto status_44 = parse("HTTP/1.0 044 Not Found\r\n\r\nnot found", true);
  EXPECT_EQ(status_44.state(), State::failed);
  EXPECT_EQ(status_44.error(), "status 044 is not an HTTP status");

  // Found by the libFuzzer target: a Content-Length that the string body would reserve whole.
  auto huge_body = parse("HTTP/1.1 200 OK\r\nContent-Length: 00016007199552\r\n\r\n<ti", false);
  EXPECT_EQ(huge_body.state(), State::failed);
  EXPECT_EQ(huge_body.error(),
            "response body of 16007199552 bytes is larger than the 64 MiB limit");
  auto huge_chunk =
      parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10000000\r\nab", false);
  EXPECT_EQ(huge_chunk.error(), "response body larger than the 64 MiB limit");
  auto not_modified =
      parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 16007199552\r\n\r\n", false);
  EXPECT_EQ(not_modified.state(), State::complete) << "a 304 has no body, whatever its length says";

  auto missing = parse("HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno", false);
  EXPECT_EQ(missing.state(), State::complete);
  EXPECT_EQ(page_result(missing).error, "HTTP status 404");
}

// Chunked transfer coding (what real servers send for generated pages), with a chunk
// extension and a trailer, in any split; and a body that ends with the connection.
TEST(ResponseParser, ReadsChunkedBodiesAndBodiesThatEndWithTheConnection) {
  std::string chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (std::size_t at = 0; at < kPage.size(); at += 1000) {
    const auto piece = kPage.substr(at, 1000);
    chunked += fmt::format("{:x};ext=1\r\n{}\r\n", piece.size(), piece);
  }
  chunked += "0\r\nX-Trailer: yes\r\n\r\n";
  for (std::size_t split : {std::size_t{1}, std::size_t{5}, std::size_t{999}, chunked.size()}) {
    ResponseParser parser;
    for (std::size_t at = 0; at < chunked.size(); at += split) {
      ASSERT_NE(parser.feed(std::string_view(chunked).substr(at, split)), State::failed)
          << parser.error();
    }
    ASSERT_EQ(parser.state(), State::complete) << "split " << split;
    EXPECT_EQ(parser.body(), kPage);
    EXPECT_FALSE(parser.closes()) << "chunked keeps the connection";
    EXPECT_EQ(page_result(parser), (PageResult{page_title(7), ""}));
  }
  ResponseParser until_close;
  until_close.feed("HTTP/1.1 200 OK\r\n\r\n" + kPage);
  EXPECT_EQ(until_close.state(), State::incomplete)
      << "no length: the body ends with the connection";
  EXPECT_EQ(until_close.end_of_stream(), State::complete);
  EXPECT_EQ(until_close.body(), kPage);
  EXPECT_TRUE(until_close.closes());
}

TEST(ResponseParser, KnowsWhenTheServerCloses) {
  ResponseParser close, http10, surplus;
  close.feed("HTTP/1.1 200 OK\r\nconnection: Close\r\nContent-Length: 0\r\n\r\n");
  EXPECT_TRUE(close.closes());
  http10.feed("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n");
  EXPECT_TRUE(http10.closes());
  surplus.feed("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab");
  EXPECT_EQ(surplus.body(), "a");
  EXPECT_TRUE(surplus.surplus());
}

TEST(Title, ComesFromAnHtmlParserNotARegex) {
  EXPECT_EQ(extract_title("<title>A &amp; B &lt;3</title>"), "A & B <3");
  EXPECT_EQ(extract_title("<html><head><TITLE>Upper</TITLE></head></html>"), "Upper");
  EXPECT_EQ(extract_title("<p>no title here</p>"), "");
  EXPECT_EQ(extract_title("<script>var s = '<title>not it</title>';</script><title>it</title>"),
            "it");
  EXPECT_EQ(extract_title(page_html(12, 0)), "Page 12 & friends");
}

TEST(Pages, PathsRoundTripAndSizesHold) {
  for (std::size_t size : {0, 1, 100, 2048, 100000}) {
    PageRequest page{42, size, 2000};
    auto parsed = parse_page_path(page_path(page));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->index, 42u);
    EXPECT_EQ(parsed->body_bytes, size);
    EXPECT_EQ(parsed->latency_us, 2000);
    if (size > 200) {
      EXPECT_EQ(page_html(42, size).size(), size);
    }
  }
  EXPECT_FALSE(parse_page_path("/pages/1"));
  EXPECT_FALSE(parse_page_path("/page/x1"));
}

TEST(Target, ParsesUrlsAndRejectsBadOnes) {
  auto t = parse_target("http://127.0.0.1:8080/base/");
  EXPECT_EQ(t.port, 8080);
  EXPECT_EQ(t.prefix, "/base");
  EXPECT_EQ(parse_target("http://localhost").port, 80);
  EXPECT_THROW(parse_target("https://example.org"), std::invalid_argument);
  EXPECT_THROW(parse_target("http://:80"), std::invalid_argument);
  EXPECT_THROW(parse_target("http://127.0.0.1:99999"), std::invalid_argument);
}

}  // namespace
}  // namespace idiombench::io
