// memoize() and its caches against their specification, Python's functools.lru_cache:
// results, sizes, exact LRU order, cache_info, cache_clear, maxsize 0, unbounded mode,
// colliding hashes, exceptions, concurrent callers; CLOCK for what it promises.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "caches/flat_hash_policy.hpp"
#include "memoize.hpp"
#include "workload.hpp"

namespace idiombench::memoization {
namespace {

// Calls of the wrapped function, so a test can tell a hit from a miss.
struct Square {
  std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);
  long operator()(int x) const {
    ++*calls;
    return long{x} * x;
  }
};

TEST(Memoize, GivesTheFunctionsResultsAndCountsLikeLruCache) {
  Square f;
  auto cached = memoize<long(int)>(f, lru(3));
  EXPECT_EQ(cached(2), 4);
  EXPECT_EQ(cached(2), 4);
  EXPECT_EQ(cached(3), 9);
  EXPECT_EQ(*f.calls, 2);
  EXPECT_EQ(cached.cache_info(), (CacheInfo{1, 2, 3, 2}));
  cached.cache_clear();
  EXPECT_EQ(cached.cache_info(), (CacheInfo{0, 0, 3, 0}));
  EXPECT_EQ(cached(2), 4);
  EXPECT_EQ(*f.calls, 3) << "cleared: computed again";
}

TEST(Memoize, EvictsTheLeastRecentlyUsedInExactOrder) {
  // The sequence Python's lru_cache(maxsize=3) would see, and what it keeps.
  auto cached = memoize<long(int)>(Square{}, lru(3));
  for (int k : {1, 2, 3}) cached(k);
  cached(1);  // 1 becomes the most recent: order 2, 3, 1
  cached(4);  // evicts 2
  EXPECT_EQ(cached.cache().keys_by_age(), (std::vector<std::tuple<int>>{{3}, {1}, {4}}));
  cached(3);  // hit: order 1, 4, 3
  cached(5);  // evicts 1
  EXPECT_EQ(cached.cache().keys_by_age(), (std::vector<std::tuple<int>>{{4}, {3}, {5}}));
  EXPECT_EQ(cached.cache_info(), (CacheInfo{2, 5, 3, 3}));
  EXPECT_EQ(cached.evictions(), 2u);
}

TEST(Memoize, NeverHoldsMoreThanMaxsize) {
  for (std::size_t maxsize : {1, 2, 7, 128}) {
    auto cached = memoize<long(int)>(Square{}, lru(maxsize));
    for (auto k : draw_keys("zipf", 1000, 5000)) {
      cached(static_cast<int>(k));
      ASSERT_LE(cached.cache_info().currsize, maxsize);
    }
  }
}

TEST(Memoize, MaxsizeZeroCachesNothingAndUnboundedKeepsEverything) {
  Square f;
  auto none = memoize<long(int)>(f, lru(0));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(none(7), 49);
  EXPECT_EQ(*f.calls, 5);
  EXPECT_EQ(none.cache_info(), (CacheInfo{0, 5, 0, 0}));

  auto all = memoize<long(int)>(Square{}, unbounded());
  for (int i = 0; i < 1000; ++i) all(i);
  for (int i = 0; i < 1000; ++i) all(i);
  EXPECT_EQ(all.cache_info(), (CacheInfo{1000, 1000, std::nullopt, 1000}));
  auto flat = memoize<long(int)>(Square{}, FlatHashMap{});
  for (int i = 0; i < 100; ++i) EXPECT_EQ(flat(i % 10), long{i % 10} * (i % 10));
  EXPECT_EQ(flat.cache_info(), (CacheInfo{90, 10, std::nullopt, 10}));
}

struct Colliding {
  int value;
  bool operator==(const Colliding&) const = default;
};

}  // namespace
}  // namespace idiombench::memoization

template <>
struct std::hash<idiombench::memoization::Colliding> {
  std::size_t operator()(const idiombench::memoization::Colliding&) const {
    return 42;
  }  // all collide
};

namespace idiombench::memoization {
namespace {

TEST(Memoize, KeysWhoseHashesCollideStayDistinct) {
  auto cached = memoize<int(Colliding)>([](Colliding c) { return c.value * 10; }, lru(16));
  for (int round = 0; round < 2; ++round) {
    for (int v = 0; v < 10; ++v) EXPECT_EQ(cached(Colliding{v}), v * 10);
  }
  EXPECT_EQ(cached.cache_info(), (CacheInfo{10, 10, 16, 10}));
  auto several = memoize<std::string(int, std::string)>(
      [](int n, const std::string& s) { return std::to_string(n) + s; }, unbounded());
  EXPECT_EQ(several(1, "a"), "1a");
  EXPECT_EQ(several(1, "b"), "1b") << "every argument is part of the key";
}

TEST(Memoize, ACallThatThrowsCachesNothing) {
  int attempts = 0;
  auto flaky = memoize<int(int)>(
      [&attempts](int x) {
        if (++attempts == 1) throw std::runtime_error("first call fails");
        return x + 1;
      },
      lru(4));
  EXPECT_THROW(flaky(1), std::runtime_error);
  EXPECT_EQ(flaky.cache_info(), (CacheInfo{0, 1, 4, 0}));
  EXPECT_EQ(flaky(1), 2);
  EXPECT_EQ(flaky(1), 2);
  EXPECT_EQ(flaky.cache_info(), (CacheInfo{1, 2, 4, 1}));
}

TEST(Memoize, RecursesThroughItsOwnCache) {
  int calls = 0;
  auto fib = memoize<std::uint64_t(unsigned)>(
      [&calls](auto& self, unsigned n) -> std::uint64_t {
        ++calls;
        return n < 2 ? n : self(n - 1) + self(n - 2);
      },
      lru(128));
  EXPECT_EQ(fib(90), 2880067194370816120ULL);
  EXPECT_EQ(calls, 91) << "each n computed once";
}

TEST(Clock, KeepsWhatItPromises) {
  ClockCache<int, int> cache(3);
  for (int k : {1, 2, 3}) cache.insert(k, k);
  ASSERT_TRUE(cache.find(1));  // 1 referenced since the hand last passed
  cache.insert(4, 4);          // the sweep spares 1 and evicts 2
  EXPECT_TRUE(cache.contains(1));
  EXPECT_FALSE(cache.contains(2));
  EXPECT_EQ(cache.size(), 3u);
  for (int k = 5; k < 100; ++k) {
    cache.insert(k, k);
    ASSERT_LE(cache.size(), 3u);
    ASSERT_EQ(cache.find(k), k) << "the newest entry is always there";
  }
  auto cached = memoize<long(int)>(Square{}, Clock{16});
  for (auto k : draw_keys("zipf", 200, 3000)) ASSERT_EQ(cached(static_cast<int>(k)), long{k} * k);
}

template <class Policy>
void concurrent_callers_get_correct_results(Policy policy) {
  Square f;
  auto cached = memoize<long(int)>(f, policy);
  const auto keys = draw_keys("zipf", 300, 20000);
  std::atomic<int> wrong{0};
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (std::size_t i = static_cast<std::size_t>(t); i < keys.size(); i += 4) {
          const int k = static_cast<int>(keys[i]);
          if (cached(k) != long{k} * k) ++wrong;
        }
      });
    }
  }
  EXPECT_EQ(wrong.load(), 0);
  const CacheInfo info = cached.cache_info();
  EXPECT_EQ(info.hits + info.misses, keys.size()) << "every call counted once";
  EXPECT_LE(info.currsize, *info.maxsize);
  EXPECT_GE(static_cast<std::uint64_t>(*f.calls), info.misses) << "a miss calls the function";
}

TEST(ThreadSafeCaches, ConcurrentCallersGetCorrectResults) {
  concurrent_callers_get_correct_results(MutexLru{64});
  concurrent_callers_get_correct_results(ShardedLru{64, 8});
}

}  // namespace
}  // namespace idiombench::memoization
