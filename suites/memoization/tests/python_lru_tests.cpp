// Python's functools.lru_cache and the C++ LRU policy are the same policy: on the same key
// sequence they must count the same hits and misses (expensive_lookup's py_lru_cache is
// compared with lru_list_map on that ground). Built where the python model is.
#include <gtest/gtest.h>
#include <pybind11/stl.h>

#include <string>
#include <tuple>

#include "idiombench/python/interpreter.hpp"
#include "memoize.hpp"
#include "workload.hpp"

namespace idiombench::memoization {
namespace {

namespace py = pybind11;

TEST(PythonLruCache, CountsTheSameHitsAndMissesAsTheCppLruPolicy) {
  python::start();
  auto lru_cache_info =
      python::import_embedded("memoization_expensive_lookup").attr("lru_cache_info");
  for (const std::string distribution : {"zipf", "uniform"}) {
    for (std::size_t capacity : {0, 1, 2, 16, 128, 1024}) {
      const auto keys = draw_keys(distribution, 1000, 20000);
      auto cached = memoize<std::uint64_t(std::uint32_t)>(
          [](std::uint32_t key) { return std::uint64_t{key}; }, lru(capacity));
      for (auto key : keys) cached(key);
      const CacheInfo info = cached.cache_info();
      const auto [hits, misses] =
          lru_cache_info(py::cast(keys), capacity).cast<std::tuple<std::uint64_t, std::uint64_t>>();
      EXPECT_EQ(info.hits, hits) << distribution << ", capacity " << capacity;
      EXPECT_EQ(info.misses, misses) << distribution << ", capacity " << capacity;
      EXPECT_GT(misses, 0u);
      if (capacity >= 16) {
        EXPECT_GT(hits, 0u) << "a sequence that never hits tests nothing";
      }
    }
  }
}

}  // namespace
}  // namespace idiombench::memoization
