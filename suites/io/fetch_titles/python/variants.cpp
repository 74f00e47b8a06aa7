// fetch_titles in Python (variants.py beside this file): asyncio + aiohttp + BeautifulSoup
// (on asyncio's loop and on uvloop's), ThreadPoolExecutor + http.client, and a thread per
// page, against the same server and the same contract as the C++ variants.
#include <pybind11/stl.h>

#include "fetch_titles/python/fetchers.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::io::fetch_titles {
namespace {

namespace py = pybind11;

constexpr const char* kModule = "io_fetch_titles";

py::tuple arguments(const FetchJob& job) {
  return py::make_tuple(job.target.host, job.target.port, job.target.prefix, py::cast(job.paths),
                        std::max(1, job.concurrency), job.keep_alive,
                        std::chrono::duration<double>(job.timeout).count());
}

Titles titles(py::handle result) {
  Titles out;
  for (auto pair : result) {
    auto [title, error] = pair.cast<std::pair<std::string, std::string>>();
    out.push_back({std::move(title), std::move(error)});
  }
  return out;
}

std::vector<std::string> needs(const std::string& name) {
  std::vector<std::string> modules = {"bs4"};
  if (name.find("aiohttp") != std::string::npos) modules.push_back("aiohttp");
  if (name.find("uvloop") != std::string::npos) modules.push_back("uvloop");
  return modules;
}

auto python_variant(const std::string& name, const std::string& model) {
  return python::variant<FetchJob, Titles>({
      .name = name,
      .module = kModule,
      .arguments = [](const FetchJob& job, const Params&) { return arguments(job); },
      .output = [](py::handle result, const FetchJob&) { return titles(result); },
      .needs = needs(name),
      .model = model,
  });
}

Titles fetch(const char* name, const FetchJob& job) {
  python::start();
  try {
    return titles(python::import_embedded(kModule).attr(name)(*arguments(job)));
  } catch (const py::error_already_set& error) {
    throw std::runtime_error(python::describe(error));
  }
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_aiohttp", "python")),
    the_case().add_variant(python_variant("py_aiohttp_uvloop", "python")),
    the_case().add_variant(python_variant("py_asyncio_streams", "python")),
    the_case().add_variant(python_variant("py_thread_pool", "python")),
    the_case().add_variant(python_variant("py_thread_per_request", "python")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_aiohttp", "asio_coroutines"},
                             {"py_aiohttp_uvloop", "epoll_loop"},
                             {"py_asyncio_streams", "asio_coroutines"},
                             {"py_thread_per_request", "thread_per_request"},
                             {"py_thread_pool", "thread_pool"}}),
};

}  // namespace

Titles fetch_py_aiohttp(const FetchJob& job) {
  return fetch("py_aiohttp", job);
}
Titles fetch_py_aiohttp_uvloop(const FetchJob& job) {
  return fetch("py_aiohttp_uvloop", job);
}
Titles fetch_py_asyncio_streams(const FetchJob& job) {
  return fetch("py_asyncio_streams", job);
}
Titles fetch_py_thread_pool(const FetchJob& job) {
  return fetch("py_thread_pool", job);
}
Titles fetch_py_thread_per_request(const FetchJob& job) {
  return fetch("py_thread_per_request", job);
}

}  // namespace idiombench::io::fetch_titles
