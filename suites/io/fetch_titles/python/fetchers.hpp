// The Python fetchers (variants.py), callable as Fetchers, for the contract tests.
#pragma once

#include "fetch_titles/case.hpp"

namespace idiombench::io::fetch_titles {

Titles fetch_py_aiohttp(const FetchJob& job);
Titles fetch_py_aiohttp_uvloop(const FetchJob& job);
Titles fetch_py_asyncio_streams(const FetchJob& job);
Titles fetch_py_thread_pool(const FetchJob& job);
Titles fetch_py_thread_per_request(const FetchJob& job);

}  // namespace idiombench::io::fetch_titles
