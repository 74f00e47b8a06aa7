// fetch_titles/libcurl_multi: what many users would pick: libcurl's multi interface
// driven by curl_multi_perform, waiting in curl_multi_poll (curl_pages.hpp has the
// handles and pages).
#include "fetch_titles/curl_pages.hpp"

namespace idiombench::io::fetch_titles {

Titles fetch_libcurl_multi(const FetchJob& job) {
  Titles titles(job.paths.size());
  if (job.paths.empty()) return titles;
  CurlPages pages(job, titles);
  pages.start();
  while (pages.busy()) {
    int still = 0;
    curl_multi_perform(pages.multi(), &still);
    pages.collect_finished();
    if (pages.busy()) curl_multi_poll(pages.multi(), nullptr, 0, 100, nullptr);
  }
  return titles;
}

namespace {
[[maybe_unused]] const auto registered =
    register_fetcher("libcurl_multi", "async", fetch_libcurl_multi);
}

}  // namespace idiombench::io::fetch_titles
