#include "fetch_titles/curl_pages.hpp"

#include <algorithm>
#include <mutex>
#include <stdexcept>

namespace idiombench::io::fetch_titles {
namespace {

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<Transfer*>(user)->body.append(data, size * count);
  return size * count;
}

CURLM* new_multi() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURLM* multi = curl_multi_init();
  if (!multi) throw std::runtime_error("curl_multi_init failed");
  return multi;
}

}  // namespace

Transfer::Transfer(CURLM* multi) : multi_(multi), easy_(curl_easy_init()) {
  if (!easy_) throw std::runtime_error("curl_easy_init failed");
}
Transfer::~Transfer() {
  if (added_) curl_multi_remove_handle(multi_, easy_);
  curl_easy_cleanup(easy_);
}
void Transfer::add() {
  curl_multi_add_handle(multi_, easy_);
  added_ = true;
}
void Transfer::remove() {
  curl_multi_remove_handle(multi_, easy_);
  added_ = false;
}

CurlPages::CurlPages(const FetchJob& job, Titles& titles)
    : job_(job),
      titles_(titles),
      multi_(new_multi(), curl_multi_cleanup),
      headers_(job.keep_alive ? nullptr : curl_slist_append(nullptr, "Connection: close"),
               curl_slist_free_all),
      base_("http://" + job.target.host + ":" + std::to_string(job.target.port) +
            job.target.prefix) {
  const auto handles = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, job.concurrency)),
                                             job.paths.size());
  curl_multi_setopt(multi(), CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(handles));
  curl_multi_setopt(multi(), CURLMOPT_MAXCONNECTS, static_cast<long>(handles));
  for (std::size_t i = 0; i < handles; ++i) {
    Transfer& t = transfers_.emplace_back(multi());
    curl_easy_setopt(t.easy(), CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(t.easy(), CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(t.easy(), CURLOPT_PRIVATE, &t);
    curl_easy_setopt(t.easy(), CURLOPT_TIMEOUT_MS, static_cast<long>(job.timeout.count()));
    curl_easy_setopt(t.easy(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(t.easy(), CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(t.easy(), CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
    if (!job.keep_alive) {
      curl_easy_setopt(t.easy(), CURLOPT_FORBID_REUSE, 1L);
      curl_easy_setopt(t.easy(), CURLOPT_HTTPHEADER, headers_.get());
    }
  }
}

void CurlPages::start() {
  for (auto& t : transfers_) start_next(t);
}

void CurlPages::start_next(Transfer& t) {
  if (next_ >= job_.paths.size()) return;
  t.page = next_++;
  t.body.clear();
  const std::string url = base_ + job_.paths[t.page];
  curl_easy_setopt(t.easy(), CURLOPT_URL, url.c_str());
  t.add();
  ++running_;
}

void CurlPages::collect_finished() {
  int queued = 0;
  while (CURLMsg* message = curl_multi_info_read(multi(), &queued)) {
    if (message->msg != CURLMSG_DONE) continue;
    Transfer* t = nullptr;
    curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &t);
    const CURLcode code = message->data.result;
    long status = 0;
    curl_easy_getinfo(t->easy(), CURLINFO_RESPONSE_CODE, &status);
    if (code != CURLE_OK) {
      titles_[t->page] = {"", std::string("curl: ") + curl_easy_strerror(code)};
    } else if (status != 200) {
      titles_[t->page] = {"", "HTTP status " + std::to_string(status)};
    } else {
      titles_[t->page] = {extract_title(t->body), ""};
    }
    t->remove();
    --running_;
    start_next(*t);
  }
}

}  // namespace idiombench::io::fetch_titles
