#include "fetch_titles/case.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "fixture/fixture_server.hpp"
#include "fixture/pages.hpp"

namespace idiombench::io::fetch_titles {
namespace {

// The server: a user's (IDIOMBENCH_IO_URL) or the fixture, started once per process.
Target target() {
  static const Target t = [] {
    if (const char* url = std::getenv("IDIOMBENCH_IO_URL"); url && *url) return parse_target(url);
    raise_open_file_limit();
    static FixtureServer server;
    return local_target(server.port());
  }();
  return t;
}

bool external() {
  const char* url = std::getenv("IDIOMBENCH_IO_URL");
  return url && *url;
}

FetchJob make_job(const Params& p) {
  FetchJob job;
  job.target = target();
  const auto pages = static_cast<std::size_t>(p.integer("pages"));
  for (std::size_t i = 0; i < pages; ++i) {
    job.paths.push_back(
        page_path({i, static_cast<std::size_t>(p.integer("body_bytes")), p.integer("latency_us")}));
  }
  job.concurrency = p.contains("concurrency") ? static_cast<int>(p.integer("concurrency")) : 1;
  job.keep_alive = p.integer("keep_alive") != 0;
  return job;
}

const std::vector<std::string> concurrent_models = {"threads", "processes", "async", "python"};

}  // namespace

Case<FetchJob, Titles>& the_case() {
  static auto& c = define_case<FetchJob, Titles>({
      .name = "fetch_titles",
      .question = "Fetching many pages and extracting each <title>: what does each I/O model "
                  "(blocking, threads, processes, epoll, io_uring, Asio coroutines, libcurl) "
                  "cost, and where does async win?",
      .make_input = make_job,
      .reference =
          [](const FetchJob& job) {
            // The fixture's titles are known; a user's server is checked against a
            // plain sequential fetch of the same pages, which must all succeed (errors
            // compared with errors would pass anything).
            if (external()) {
              Titles titles = fetch_sequential_blocking(job);
              for (std::size_t i = 0; i < titles.size(); ++i) {
                if (!titles[i].ok()) {
                  throw std::runtime_error(fmt::format("the server did not serve {}: {}",
                                                       job.paths[i], titles[i].error));
                }
              }
              return titles;
            }
            Titles titles;
            for (const auto& path : job.paths)
              titles.push_back({page_title(parse_page_path(path)->index), ""});
            return titles;
          },
      .equivalence = [](const Titles& got, const Titles& want) -> std::optional<std::string> {
        if (got.size() != want.size())
          return fmt::format("{} results for {} pages", got.size(), want.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
          if (!(got[i] == want[i])) {
            return fmt::format("page {}: got title '{}' error '{}', expected title '{}' error '{}'",
                               i, got[i].title, got[i].error, want[i].title, want[i].error);
          }
        }
        return std::nullopt;
      },
      // Quick: 250 pages at one concurrency (a sequential fetch of 1000 pages at 2 ms each
      // is 2 s a call); the full profile has 1000 pages and the concurrency sweep.
      .quick = {integer_axis("pages", {250}), integer_axis("body_bytes", {2048}),
                integer_axis("latency_us", {0, 2000}), integer_axis("keep_alive", {1, 0}),
                integer_axis("concurrency", {64}, concurrent_models)},
      .full = {integer_axis("pages", {1000}), integer_axis("body_bytes", {2048}),
               integer_axis("latency_us", {0, 2000}), integer_axis("keep_alive", {1, 0}),
               integer_axis("concurrency", {1, 16, 64, 256, 1024}, concurrent_models)},
      .conformance =
          {{{"pages", 0}, {"body_bytes", 100}, {"latency_us", 0}, {"keep_alive", 1}},
           {{"pages", 1}, {"body_bytes", 0}, {"latency_us", 0}, {"keep_alive", 1}},
           {{"pages", 3}, {"body_bytes", 100000}, {"latency_us", 100}, {"keep_alive", 0}},
           {{"pages", 101}, {"body_bytes", 777}, {"latency_us", 0}, {"keep_alive", 1}}},
      .throughput =
          [](const Params& p) {
            auto pages = static_cast<double>(p.integer("pages"));
            return Throughput{.items = pages,
                              .bytes_read = pages * static_cast<double>(p.integer("body_bytes"))};
          },
      .item = "page",
      .baseline = "sequential_blocking",
      .checksum = [](const Titles& t) { return static_cast<double>(t.size()); },
      .conformance_axes = {integer_axis("concurrency", {1, 3, 16}, concurrent_models)},
  });
  return c;
}

Registration register_fetcher(const std::string& name, const std::string& model, Fetcher fetch,
                              std::function<std::string()> why_unavailable) {
  if (!why_unavailable) why_unavailable = [] { return std::string(); };
  return the_case().add_variant(
      {.name = name, .model = model, .run = fetch, .why_unavailable = why_unavailable});
}

}  // namespace idiombench::io::fetch_titles
