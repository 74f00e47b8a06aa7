// fetch_titles/libcurl_multi: what many users would pick. One curl multi handle drives
// `concurrency` easy handles (reused, so the multi handle's connection cache keeps
// connections alive between pages); a finished transfer's handle takes the next page.
// Keep-alive off: CURLOPT_FORBID_REUSE and "Connection: close".
#include <curl/curl.h>

#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

#include "fetch_titles/case.hpp"

namespace idiombench::io::fetch_titles {
namespace {

using Multi = std::unique_ptr<CURLM, decltype(&curl_multi_cleanup)>;
using Headers = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

// One easy handle and the page it fetches. It leaves its multi handle (if added) and
// is cleaned up when destroyed, whatever way the fetch ends: an exception leaks nothing.
class Transfer {
 public:
  explicit Transfer(CURLM* multi) : multi_(multi), easy_(curl_easy_init()) {
    if (!easy_) throw std::runtime_error("curl_easy_init failed");
  }
  ~Transfer() {
    if (added_) curl_multi_remove_handle(multi_, easy_);
    curl_easy_cleanup(easy_);
  }
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  CURL* easy() const { return easy_; }
  void add() {
    curl_multi_add_handle(multi_, easy_);
    added_ = true;
  }
  void remove() {
    curl_multi_remove_handle(multi_, easy_);
    added_ = false;
  }

  std::size_t page = 0;
  std::string body;

 private:
  CURLM* multi_;
  CURL* easy_;
  bool added_ = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<Transfer*>(user)->body.append(data, size * count);
  return size * count;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

Titles fetch_libcurl_multi(const FetchJob& job) {
  global_init();
  Titles titles(job.paths.size());
  const auto handles = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, job.concurrency)),
                                             job.paths.size());
  // Destroyed in reverse: the transfers leave the multi handle before it goes.
  Multi multi(curl_multi_init(), curl_multi_cleanup);
  if (!multi) throw std::runtime_error("curl_multi_init failed");
  curl_multi_setopt(multi.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(handles));
  curl_multi_setopt(multi.get(), CURLMOPT_MAXCONNECTS, static_cast<long>(handles));
  Headers headers(job.keep_alive ? nullptr : curl_slist_append(nullptr, "Connection: close"),
                  curl_slist_free_all);
  const std::string base =
      "http://" + job.target.host + ":" + std::to_string(job.target.port) + job.target.prefix;

  std::deque<Transfer> transfers;  // a deque: the handles keep pointers to their Transfer
  std::size_t next = 0, running = 0;
  auto start = [&](Transfer& t) {
    if (next >= job.paths.size()) return;
    t.page = next++;
    t.body.clear();
    const std::string url = base + job.paths[t.page];
    curl_easy_setopt(t.easy(), CURLOPT_URL, url.c_str());
    t.add();
    ++running;
  };
  for (std::size_t i = 0; i < handles; ++i) {
    Transfer& t = transfers.emplace_back(multi.get());
    curl_easy_setopt(t.easy(), CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(t.easy(), CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(t.easy(), CURLOPT_PRIVATE, &t);
    curl_easy_setopt(t.easy(), CURLOPT_TIMEOUT_MS, static_cast<long>(job.timeout.count()));
    curl_easy_setopt(t.easy(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(t.easy(), CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(t.easy(), CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
    if (!job.keep_alive) {
      curl_easy_setopt(t.easy(), CURLOPT_FORBID_REUSE, 1L);
      curl_easy_setopt(t.easy(), CURLOPT_HTTPHEADER, headers.get());
    }
    start(t);
  }
  while (running > 0) {
    int still = 0;
    curl_multi_perform(multi.get(), &still);
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi.get(), &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &t);
      const CURLcode code = message->data.result;
      long status = 0;
      curl_easy_getinfo(t->easy(), CURLINFO_RESPONSE_CODE, &status);
      if (code != CURLE_OK) {
        titles[t->page] = {"", std::string("curl: ") + curl_easy_strerror(code)};
      } else if (status != 200) {
        titles[t->page] = {"", "HTTP status " + std::to_string(status)};
      } else {
        titles[t->page] = {extract_title(t->body), ""};
      }
      t->remove();
      --running;
      start(*t);
    }
    if (running > 0) curl_multi_poll(multi.get(), nullptr, 0, 100, nullptr);
  }
  return titles;
}

namespace {
[[maybe_unused]] const auto registered =
    register_fetcher("libcurl_multi", "async", fetch_libcurl_multi);
}

}  // namespace idiombench::io::fetch_titles
