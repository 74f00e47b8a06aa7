// io/fetch_titles, the seed's async title scraper: fetch P pages from an HTTP server
// with at most `concurrency` requests in flight, and return each page's <title> in
// request order (asyncio.gather's semantics), or a per-page error.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "http/response.hpp"
#include "http/target.hpp"
#include "idiombench/case.hpp"

namespace idiombench::io::fetch_titles {

struct FetchJob {
  Target target;
  std::vector<std::string> paths;
  int concurrency = 1;     // requests in flight at most (connections open at most)
  bool keep_alive = true;  // reuse connections between requests
  std::chrono::milliseconds timeout{10000};  // per page, from when its request starts
};
using Titles = std::vector<PageResult>;

// A variant: every page of `job`, results in request order.
using Fetcher = Titles (*)(const FetchJob& job);

Case<FetchJob, Titles>& the_case();
Registration register_fetcher(const std::string& name, const std::string& model, Fetcher fetch,
                              std::function<std::string()> why_unavailable = {});

// The variants, for the contract tests.
Titles fetch_sequential_blocking(const FetchJob& job);
Titles fetch_thread_per_request(const FetchJob& job);
Titles fetch_thread_pool(const FetchJob& job);
Titles fetch_process_pool(const FetchJob& job);
Titles fetch_epoll_loop(const FetchJob& job);
Titles fetch_io_uring(const FetchJob& job);
Titles fetch_asio_coroutines(const FetchJob& job);
Titles fetch_libcurl_multi(const FetchJob& job);
Titles fetch_libcurl_socket_action(const FetchJob& job);

}  // namespace idiombench::io::fetch_titles
