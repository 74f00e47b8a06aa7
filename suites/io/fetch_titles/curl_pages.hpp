// What the two libcurl variants share: a multi handle driving `concurrency` reused easy
// handles (so its connection cache keeps connections alive between pages), each taking
// the job's next page when its transfer is done. The variants differ only in how they
// wait: curl_multi_poll (libcurl_multi) or their own epoll loop (libcurl_socket_action).
// Keep-alive off: CURLOPT_FORBID_REUSE and "Connection: close".
#pragma once

#include <curl/curl.h>

#include <deque>
#include <memory>
#include <string>

#include "fetch_titles/case.hpp"

namespace idiombench::io::fetch_titles {

// One easy handle and the page it fetches. It leaves its multi handle (if added) and
// is cleaned up when destroyed, whatever way the fetch ends: an exception leaks nothing.
class Transfer {
 public:
  explicit Transfer(CURLM* multi);
  ~Transfer();
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  CURL* easy() const { return easy_; }
  void add();
  void remove();

  std::size_t page = 0;
  std::string body;

 private:
  CURLM* multi_;
  CURL* easy_;
  bool added_ = false;
};

class CurlPages {
 public:
  // Sets the multi handle's limits, configures the easy handles and starts the first
  // pages; `configure` may set more multi options first (the socket and timer callbacks).
  CurlPages(const FetchJob& job, Titles& titles);
  CurlPages(const CurlPages&) = delete;
  CurlPages& operator=(const CurlPages&) = delete;

  CURLM* multi() const { return multi_.get(); }
  // Adds the first transfers (after the variant's own multi options are set).
  void start();
  // Records every finished transfer's page and starts the next page on its handle.
  void collect_finished();
  bool busy() const { return running_ > 0; }

 private:
  void start_next(Transfer& t);

  const FetchJob& job_;
  Titles& titles_;
  std::unique_ptr<CURLM, decltype(&curl_multi_cleanup)> multi_;
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers_;
  std::string base_;
  std::deque<Transfer> transfers_;  // a deque: the handles keep pointers to their Transfer
  std::size_t next_ = 0, running_ = 0;
};

}  // namespace idiombench::io::fetch_titles
