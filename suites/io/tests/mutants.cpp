// A deliberately wrong fetcher, linked into io_conformance only: fetch_titles'
// conformance must reject it at one size at least (conformance_main checks).
#include "fetch_titles/case.hpp"

namespace idiombench::io::fetch_titles {
namespace {

// Fetches right, then reports the first page's title for the last page as well: a
// duplicated page, as a loop that reuses a slot's stale result would.
Titles duplicates_first_page(const FetchJob& job) {
  Titles titles = fetch_sequential_blocking(job);
  if (titles.size() > 1) titles.back() = titles.front();
  return titles;
}

[[maybe_unused]] const auto mutant =
    register_fetcher("mutant_duplicates_first_page", "serial", duplicates_first_page);

}  // namespace
}  // namespace idiombench::io::fetch_titles
