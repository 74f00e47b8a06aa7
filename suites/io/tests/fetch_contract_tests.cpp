// fetch_titles' contract, for every variant, against a fixture server of its own: every
// page fetched exactly once with the right title, in request order; never more
// connections open than `concurrency`; a server that never answers costs each page a
// timeout within its deadline, with nothing left behind; refused connections, truncated
// and garbled responses and 404s are per-page errors. And the fixture holds 10k
// connections.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include <algorithm>
#include <cctype>
#include <thread>

#include "fetch_titles/case.hpp"
#include "fixture/fixture_server.hpp"
#include "fixture/pages.hpp"
#include "idiombench/support/child_process.hpp"
#include "idiombench/support/resource_snapshot.hpp"
#include "idiombench/support/syscall_filter.hpp"
#include "idiombench/support/unique_fd.hpp"
#if IDIOMBENCH_HAVE_PYTHON
#include "fetch_titles/python/fetchers.hpp"
#endif

namespace idiombench::io::fetch_titles {
namespace {

struct Named {
  const char* name;
  Fetcher fetch;
};
void PrintTo(const Named& n, std::ostream* os) {
  *os << n.name;
}

const Named kFetchers[] = {
    {"sequential_blocking", fetch_sequential_blocking},
    {"thread_per_request", fetch_thread_per_request},
    {"thread_pool", fetch_thread_pool},
    {"process_pool", fetch_process_pool},
    {"epoll_loop", fetch_epoll_loop},
    {"io_uring", fetch_io_uring},
    {"asio_coroutines", fetch_asio_coroutines},
    {"libcurl_multi", fetch_libcurl_multi},
    {"libcurl_socket_action", fetch_libcurl_socket_action},
#if IDIOMBENCH_HAVE_PYTHON
    {"py_aiohttp", fetch_py_aiohttp},
    {"py_aiohttp_uvloop", fetch_py_aiohttp_uvloop},
    {"py_asyncio_streams", fetch_py_asyncio_streams},
    {"py_thread_pool", fetch_py_thread_pool},
    {"py_thread_per_request", fetch_py_thread_per_request},
#endif
};

FixtureServer& server() {
  static FixtureServer* s = [] {
    raise_open_file_limit();
    return new FixtureServer();  // kept until exit: workers of pools may still use it
  }();
  return *s;
}

FetchJob job_for(std::vector<std::string> paths, int concurrency, bool keep_alive,
                 std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  FetchJob job;
  job.target = local_target(server().port());
  job.paths = std::move(paths);
  job.concurrency = concurrency;
  job.keep_alive = keep_alive;
  job.timeout = timeout;
  return job;
}

std::vector<std::string> pages(std::size_t n, std::size_t body = 1500,
                               std::int64_t latency_us = 0) {
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < n; ++i) paths.push_back(page_path({i, body, latency_us}));
  return paths;
}

// Threads of this process, once the count holds still for 50 ms (up to a second): a thread
// Python has joined leaves /proc a moment after join() returns (its state is released
// before the OS thread ends).
std::size_t settled_thread_count() {
  auto count = support::list_dir("/proc/self/task").size();
  for (int i = 0; i < 20; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto now = support::list_dir("/proc/self/task").size();
    if (now == count) break;
    count = now;
  }
  return count;
}

bool mentions_time(const std::string& error) {
  std::string lower(error);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return lower.find("time") != std::string::npos;
}

class EveryFetcher : public ::testing::TestWithParam<Named> {
 protected:
  void SetUp() override {
    for (const auto& v : the_case().variants()) {
      if (v.name == GetParam().name && !v.why_unavailable().empty())
        GTEST_SKIP() << v.why_unavailable();
    }
  }
};

TEST_P(EveryFetcher, FetchesEveryPageOnceWithItsTitleInOrder) {
  for (bool keep_alive : {true, false}) {
    for (int concurrency : {1, 3, 16}) {
      for (std::size_t n : {0, 1, 2, 57}) {
        server().reset_stats();
        Titles got =
            GetParam().fetch(job_for(pages(n, 1500, n == 57 ? 300 : 0), concurrency, keep_alive));
        ASSERT_EQ(got.size(), n);
        for (std::size_t i = 0; i < n; ++i) {
          ASSERT_EQ(got[i], (PageResult{page_title(i), ""}))
              << "page " << i << " of " << n << ", concurrency " << concurrency << ", keep-alive "
              << keep_alive;
        }
        EXPECT_EQ(server().stats().requests.load(), n) << "each page requested exactly once";
      }
    }
  }
}

// Servers send generated pages in chunked transfer coding: every variant reads them, on
// kept connections and on fresh ones.
TEST_P(EveryFetcher, ReadsChunkedResponses) {
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < 9; ++i)
    paths.push_back("/chunked" + page_path({i, 2500 + 777 * i, 0}));
  for (bool keep_alive : {true, false}) {
    const Titles got = GetParam().fetch(job_for(paths, 3, keep_alive));
    ASSERT_EQ(got.size(), paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
      EXPECT_EQ(got[i], (PageResult{page_title(i), ""}))
          << GetParam().name << " page " << i << (keep_alive ? " keep-alive" : " close");
    }
  }
}

TEST_P(EveryFetcher, NeverOpensMoreConnectionsThanItsConcurrency) {
  for (int concurrency : {1, 4, 16}) {
    // Connections from earlier calls (kept-alive, or closing) must not count: let them go.
    for (int i = 0; i < 100 && server().stats().open.load() > 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    server().reset_stats();
    const auto paths = pages(80, 1000, 2000);
    const auto got = GetParam().fetch(job_for(paths, concurrency, true));
    ASSERT_EQ(got.size(), paths.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_TRUE(got[i].ok()) << "page " << i << ": " << got[i].error;
    }
    const auto limit = static_cast<std::uint64_t>(concurrency);
    EXPECT_LE(server().stats().max_in_flight.load(), limit)
        << "requests at once, concurrency " << concurrency;
    // A variant that opens a new connection per page closes one and opens the next from
    // different threads; on loopback the FIN and the next SYN can reach the server from
    // different CPUs in either order, so its connection count can run ahead of the
    // client's for a moment. Requests in flight (above) are exact; connections are
    // checked for the variants that keep theirs.
    if (!std::string(GetParam().name).ends_with("thread_per_request")) {
      EXPECT_LE(server().stats().max_open.load(), limit)
          << "connections at once, concurrency " << concurrency;
    }
  }
}

TEST_P(EveryFetcher, AServerThatNeverAnswersCostsATimeoutNotAHang) {
  std::vector<std::string> paths{"/hang", page_path({1, 100, 0}), "/hang", "/hang"};
  const auto timeout = std::chrono::milliseconds(300);
  // A first call starts whatever a variant keeps for the process (a pool's threads or
  // workers); the second must then leave behind exactly what was there before it.
  GetParam().fetch(job_for(paths, 2, true, timeout));
  support::ResourceSnapshot before;
  const auto threads_before = settled_thread_count();
  const auto start = std::chrono::steady_clock::now();
  Titles got = GetParam().fetch(job_for(paths, 2, true, timeout));
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(got.size(), paths.size());
  for (std::size_t i : {0, 2, 3}) {
    EXPECT_FALSE(got[i].ok()) << "page " << i;
    EXPECT_TRUE(mentions_time(got[i].error)) << "page " << i << ": " << got[i].error;
  }
  EXPECT_EQ(got[1], (PageResult{page_title(1), ""}));
  // Two rounds of 300 ms timeouts at concurrency 2, with generous slack for a busy machine.
  EXPECT_LT(took, std::chrono::seconds(5));
  support::ResourceSnapshot after;
  EXPECT_EQ(after.fds, before.fds) << "a socket was left open";
  EXPECT_EQ(after.zombies, 0);
  EXPECT_EQ(settled_thread_count(), threads_before) << "a thread was left behind";
}

TEST_P(EveryFetcher, BrokenServersArePerPageErrors) {
  // A port nobody listens on: bind one, read its number, close it.
  support::UniqueFd probe(::socket(AF_INET, SOCK_STREAM, 0));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(probe.get(), reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(probe.get(), reinterpret_cast<sockaddr*>(&address), &length);
  probe.reset();
  auto refused = job_for(pages(3), 2, true);
  refused.target = local_target(ntohs(address.sin_port));
  const auto refused_results = GetParam().fetch(refused);
  ASSERT_EQ(refused_results.size(), 3u) << "one result per page, even when none connects";
  for (const auto& r : refused_results) {
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.error.find("onnect"), std::string::npos) << r.error;
  }

  std::vector<std::string> paths{
      page_path({0, 500, 0}), "/truncated", page_path({2, 500, 0}), "/garbled", "/missing",
      page_path({5, 500, 0})};
  for (bool keep_alive : {true, false}) {
    Titles got = GetParam().fetch(job_for(paths, 2, keep_alive, std::chrono::seconds(5)));
    ASSERT_EQ(got.size(), paths.size());
    EXPECT_EQ(got[0], (PageResult{page_title(0), ""}));
    EXPECT_FALSE(got[1].ok()) << "truncated";
    EXPECT_EQ(got[2], (PageResult{page_title(2), ""}));
    EXPECT_FALSE(got[3].ok()) << "garbled";
    EXPECT_FALSE(got[4].ok()) << "404";
    EXPECT_NE(got[4].error.find("404"), std::string::npos) << got[4].error;
    EXPECT_EQ(got[5], (PageResult{page_title(5), ""}));
  }
}

INSTANTIATE_TEST_SUITE_P(FetchTitles, EveryFetcher, ::testing::ValuesIn(kFetchers),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(FixtureServer, HoldsTenThousandConnections) {
  constexpr std::uint64_t kConnections = 10000;
  const auto limit = raise_open_file_limit();
  if (limit < kConnections + 1000) {
    GTEST_SKIP() << "the open-file limit is " << limit << " (hard limit too): 10k connections need "
                 << kConnections + 1000 << "; raise it with ulimit -Hn";
  }
  FixtureServer local;
  const auto target = local_target(local.port());
  std::vector<support::UniqueFd> sockets;
  for (std::uint64_t i = 0; i < kConnections; ++i) {
    support::UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    ASSERT_TRUE(fd) << "socket " << i;
    ASSERT_EQ(::connect(fd.get(), reinterpret_cast<const sockaddr*>(&target.address),
                        sizeof target.address),
              0)
        << "connection " << i;
    sockets.push_back(std::move(fd));
  }
  for (int i = 0; i < 500 && local.stats().open.load() < kConnections; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(local.stats().open.load(), kConnections);
  // And it still serves: one more client fetches a page.
  auto job = job_for(pages(1), 1, true);
  job.target = target;
  EXPECT_EQ(fetch_sequential_blocking(job)[0], (PageResult{page_title(0), ""}));
  EXPECT_GE(local.stats().max_open.load(), kConnections);
}

// A client that sends a request head without end is dropped, and the server goes on.
TEST(FixtureServer, DropsAClientWhoseRequestHeadNeverEnds) {
  FixtureServer local;
  const auto target = local_target(local.port());
  support::UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  ASSERT_TRUE(fd);
  ASSERT_EQ(::connect(fd.get(), reinterpret_cast<const sockaddr*>(&target.address),
                      sizeof target.address),
            0);
  const timeval two_seconds{2, 0};
  ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &two_seconds, sizeof two_seconds);
  const std::string endless = "GET /page/1 HTTP/1.1\r\nX: " + std::string(100 * 1024, 'x');
  // The server may close while this is still being sent: a failed send is fine.
  [[maybe_unused]] auto sent = ::send(fd.get(), endless.data(), endless.size(), MSG_NOSIGNAL);
  char byte;
  const auto got = ::recv(fd.get(), &byte, 1, 0);
  const bool closed = got == 0 || (got < 0 && errno == ECONNRESET);
  EXPECT_TRUE(closed) << "the connection was kept or answered (recv: " << got << ")";
  auto job = job_for(pages(1), 1, true);
  job.target = target;
  EXPECT_EQ(fetch_sequential_blocking(job)[0], (PageResult{page_title(0), ""}));
}

// Where the kernel has no epoll_pwait2 (before Linux 5.11: RHEL 8), nor qemu-user 7.2 nor
// valgrind 3.19, the call answers ENOSYS: the server must fall back to epoll_wait, timers
// (the pages' latency) included: a forked child is given that kernel.
TEST(FixtureServer, ServesWhereTheKernelHasNoEpollPwait2) {
  const auto how = support::wait_child(support::fork_child({}, [] {
    if (!support::refuse_syscall(__NR_epoll_pwait2)) return 9;
    if (::syscall(__NR_epoll_pwait2, -1, nullptr, 0, nullptr, nullptr, 0) != -1 || errno != ENOSYS)
      return 8;
    FixtureServer local;
    FetchJob job;
    job.target = local_target(local.port());
    job.paths = pages(4, 1500, 3000);
    job.keep_alive = true;
    job.timeout = std::chrono::seconds(10);
    const auto got = fetch_sequential_blocking(job);
    for (std::size_t i = 0; i < 4; ++i) {
      if (i >= got.size() || got[i] != PageResult{page_title(i), ""}) return 1;
    }
    return 0;
  }));
  if (how == "exited with status 9") GTEST_SKIP() << "no seccomp filter can be installed here";
  EXPECT_EQ(how, "") << "status 8: the filter did not refuse epoll_pwait2; 1: the pages were not "
                        "all fetched with their titles";
}

}  // namespace
}  // namespace idiombench::io::fetch_titles
