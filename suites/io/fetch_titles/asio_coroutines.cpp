// fetch_titles/asio_coroutines: Boost.Asio's C++20 coroutines on one io_context thread:
// `concurrency` workers started with co_spawn (the bounded form of asyncio.gather),
// each keeping its connection alive between pages and awaiting connect, write and
// read_some. A per-page steady_timer closes the socket when the deadline passes, which
// cancels whatever the worker is awaiting.
// (Boost 1.74, Debian 12's, predates awaitable operators such as `timer || read`.)
// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>
// Boost 1.74 enables coroutines on clang only with libc++'s <experimental/coroutine>;
// clang 14 with libstdc++ has the standard <coroutine>, which is what asio then uses.
#if defined(__clang__) && defined(__cpp_impl_coroutine) && __has_include(<coroutine>)
#define BOOST_ASIO_HAS_CO_AWAIT 1
#define BOOST_ASIO_HAS_STD_COROUTINE 1
#endif
// clang-format off
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
// clang-format on
#include <cstdint>
#include <memory>
#include <optional>

#include "fetch_titles/case.hpp"

namespace idiombench::io::fetch_titles {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

struct Shared {
  const FetchJob& job;
  Titles& titles;
  tcp::endpoint endpoint;
  std::size_t next = 0;
};

// One attempt at a page on `socket` (opened if needed); says whether anything arrived.
asio::awaitable<PageResult> attempt(Shared& shared, std::size_t page,
                                    std::optional<tcp::socket>& socket, bool& timed_out,
                                    bool& received) {
  boost::system::error_code ec;
  auto how = asio::redirect_error(asio::use_awaitable, ec);
  received = false;
  if (!socket) {
    socket.emplace(co_await asio::this_coro::executor);
    co_await socket->async_connect(shared.endpoint, how);
    if (ec) {
      socket.reset();
      co_return PageResult{"", timed_out ? "timed out" : "connect: " + ec.message()};
    }
    socket->set_option(tcp::no_delay(true));
  }
  const std::string request =
      http_request(shared.job.target, shared.job.paths[page], shared.job.keep_alive);
  co_await asio::async_write(*socket, asio::buffer(request), how);
  if (ec) {
    socket.reset();
    co_return PageResult{"", timed_out ? "timed out" : "send: " + ec.message()};
  }
  ResponseParser parser;
  char buffer[65536];
  while (parser.state() == ResponseParser::State::incomplete) {
    const std::size_t got = co_await socket->async_read_some(asio::buffer(buffer), how);
    if (got > 0) {
      received = true;
      parser.feed({buffer, got});
    } else if (ec == asio::error::eof) {
      parser.end_of_stream();
    } else if (ec) {
      socket.reset();
      co_return PageResult{"", timed_out ? "timed out" : "recv: " + ec.message()};
    }
  }
  if (!shared.job.keep_alive || parser.state() != ResponseParser::State::complete ||
      parser.closes() || parser.surplus()) {
    socket.reset();
  }
  co_return page_result(parser);
}

// What the deadline's handler may touch: shared with it, so that a handler that was
// already queued when its page finished finds live state (and a page number that no
// longer matches).
struct Connection {
  std::optional<tcp::socket> socket;
  std::size_t page = SIZE_MAX;
  bool timed_out = false;
};

asio::awaitable<void> worker(Shared& shared) {
  auto executor = co_await asio::this_coro::executor;
  auto c = std::make_shared<Connection>();
  asio::steady_timer deadline(executor);
  for (std::size_t page; (page = shared.next++) < shared.job.paths.size();) {
    c->page = page;
    c->timed_out = false;
    deadline.expires_after(shared.job.timeout);
    deadline.async_wait([c, page](boost::system::error_code ec) {
      if (ec || c->page != page) return;  // cancelled, or that page finished in time
      c->timed_out = true;
      if (c->socket) c->socket->close();
    });
    const bool reused = c->socket.has_value();
    bool received = false;
    PageResult result = co_await attempt(shared, page, c->socket, c->timed_out, received);
    if (!result.ok() && reused && !received && !c->timed_out) {
      c->socket.reset();  // the kept connection had gone stale: one fresh attempt
      result = co_await attempt(shared, page, c->socket, c->timed_out, received);
    }
    c->page = SIZE_MAX;
    deadline.cancel();
    shared.titles[page] = std::move(result);
  }
}

}  // namespace

Titles fetch_asio_coroutines(const FetchJob& job) {
  Titles titles(job.paths.size());
  asio::io_context context(1);
  Shared shared{job, titles,
                tcp::endpoint(asio::ip::address_v4(ntohl(job.target.address.sin_addr.s_addr)),
                              job.target.port)};
  const auto workers = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, job.concurrency)),
                                             job.paths.size());
  for (std::size_t w = 0; w < workers; ++w) asio::co_spawn(context, worker(shared), asio::detached);
  context.run();
  return titles;
}

namespace {
[[maybe_unused]] const auto registered =
    register_fetcher("asio_coroutines", "async", fetch_asio_coroutines);
}

}  // namespace idiombench::io::fetch_titles
