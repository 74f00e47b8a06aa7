// Contract tests for every generator / iterator idiom of the iteration suite: the
// exact reference sequence, laziness, cleanup on early exit, exceptions reaching the
// consumer, empty and one-element streams. They drive the same producer functions
// the benchmarks time, with an instrumented element function.
#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <numeric>
#include <ranges>
#include <span>
#include <vector>

#include "generator.hpp"
#include "map_producers.hpp"
#include "probe.hpp"

namespace idiombench::iteration {
namespace {

using testing::Probe;
using testing::ProbedFn;
using testing::ProducerError;
using Source = std::span<const std::int32_t>;
using Out = std::vector<std::int64_t>;

// Consumes at most `limit` elements of a range into `out`, then stops (break).
template <class Range>
void pull_from(Range&& range, std::size_t limit, Out& out) {
  if (limit == 0) return;
  for (auto v : range) {
    out.push_back(v);
    if (out.size() == limit) break;
  }
}

// Each idiom: create the producer, pull at most `limit` elements, let it die.
struct CoroutineGenerator {
  static constexpr bool lazy = true;
  static void pull(Source s, ProbedFn fn, std::size_t limit, Out& out) {
    pull_from(generate_mapped(s, std::move(fn)), limit, out);
  }
};
struct StackfulGenerator {
  static constexpr bool lazy = true;
  static void pull(Source s, ProbedFn fn, std::size_t limit, Out& out) {
    pull_from(stackful_mapped(s, std::move(fn)), limit, out);
  }
};
struct IteratorClass {
  static constexpr bool lazy = true;
  static void pull(Source s, ProbedFn fn, std::size_t limit, Out& out) {
    pull_from(stream_mapped(s, std::move(fn)), limit, out);
  }
};
#if IDIOMBENCH_HAS_STD_RANGE_VIEWS
struct RangesViews {
  static constexpr bool lazy = true;
  static void pull(Source s, ProbedFn fn, std::size_t limit, Out& out) {
    pull_from(view_mapped(s, std::move(fn)), limit, out);
  }
};
#endif
struct RangeV3 {
  static constexpr bool lazy = true;
  static void pull(Source s, ProbedFn fn, std::size_t limit, Out& out) {
    pull_from(range_v3_mapped(s, std::move(fn)), limit, out);
  }
};
struct Callback {
  static constexpr bool lazy = true;
  static void pull(Source s, ProbedFn fn, std::size_t limit, Out& out) {
    if (limit == 0) return;
    visit_mapped(s, std::move(fn), [&](std::int64_t v) {
      out.push_back(v);
      return out.size() < limit;
    });
  }
};
struct EagerVector {
  static constexpr bool lazy = false;  // its contract: everything first
  static void pull(Source s, ProbedFn fn, std::size_t limit, Out& out) {
    pull_from(eager_mapped(s, std::move(fn)), limit, out);
  }
};

template <class Idiom>
class StreamContract : public ::testing::Test {};
// std::views is left out where this compiler cannot build it (std_ranges_support.hpp).
using Idioms = ::testing::Types<CoroutineGenerator, StackfulGenerator, IteratorClass,
#if IDIOMBENCH_HAS_STD_RANGE_VIEWS
                                RangesViews,
#endif
                                RangeV3, Callback, EagerVector>;
TYPED_TEST_SUITE(StreamContract, Idioms);

std::vector<std::int32_t> source_of(std::size_t n) {
  std::vector<std::int32_t> values(n);
  std::iota(values.begin(), values.end(), -3);
  return values;
}

Out expected_for(const std::vector<std::int32_t>& values) {
  Out out;
  for (auto x : values) out.push_back(std::int64_t{x} * 10 + 1);
  return out;
}

constexpr std::size_t kAll = static_cast<std::size_t>(-1);

TYPED_TEST(StreamContract, YieldsExactlyTheReferenceSequence) {
  for (std::size_t n : {0u, 1u, 2u, 17u, 1000u}) {
    auto values = source_of(n);
    Probe probe;
    Out out;
    TypeParam::pull(values, ProbedFn(probe), kAll, out);
    EXPECT_EQ(out, expected_for(values)) << "n = " << n;
    EXPECT_EQ(probe.steps, static_cast<int>(n)) << "each element computed exactly once";
  }
}

TYPED_TEST(StreamContract, EmptyStreamComputesNothing) {
  Probe probe;
  Out out;
  TypeParam::pull({}, ProbedFn(probe), kAll, out);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(probe.steps, 0);
  EXPECT_EQ(probe.cleanups, 1);
}

TYPED_TEST(StreamContract, ProducesNoMoreThanPulledPlusOne) {
  auto values = source_of(100);
  for (std::size_t pulls : {0u, 1u, 5u}) {
    Probe probe;
    Out out;
    TypeParam::pull(values, ProbedFn(probe), pulls, out);
    EXPECT_EQ(out.size(), pulls);
    if (TypeParam::lazy) {
      EXPECT_LE(probe.steps, static_cast<int>(pulls) + 1) << "pulled " << pulls;
    } else {
      EXPECT_EQ(probe.steps, 100) << "an eager producer computes everything first";
    }
  }
}

TYPED_TEST(StreamContract, EarlyExitDestroysTheProducerAndRunsItsCleanup) {
  auto values = source_of(100);
  Probe probe;
  Out out;
  TypeParam::pull(values, ProbedFn(probe), 3, out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(probe.cleanups, 1) << "the producer's cleanup ran when the consumer stopped";
}

TYPED_TEST(StreamContract, ProducerExceptionReachesTheConsumer) {
  auto values = source_of(10);
  Probe probe;
  probe.throw_at = 3;
  Out out;
  EXPECT_THROW(TypeParam::pull(values, ProbedFn(probe), kAll, out), ProducerError);
  if (TypeParam::lazy) {
    auto expected = expected_for(values);
    EXPECT_EQ(out, Out(expected.begin(), expected.begin() + 3))
        << "the elements before the failure were delivered";
  } else {
    EXPECT_TRUE(out.empty());
  }
  EXPECT_EQ(probe.cleanups, 1) << "the producer was destroyed after the exception";
}

TYPED_TEST(StreamContract, ExceptionAtTheFirstElement) {
  auto values = source_of(4);
  Probe probe;
  probe.throw_at = 0;
  Out out;
  EXPECT_THROW(TypeParam::pull(values, ProbedFn(probe), kAll, out), ProducerError);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(probe.cleanups, 1);
}

// --- generator<T> itself ---------------------------------------------------------------------

static_assert(std::ranges::input_range<generator<int>>);
static_assert(std::ranges::view<generator<int>>);
static_assert(std::input_iterator<generator<int>::iterator>);
static_assert(!std::copy_constructible<generator<int>>, "a generator is move-only");
static_assert(std::input_iterator<MappedStream<std::int32_t, ProbedFn>::iterator>);
static_assert(std::ranges::input_range<MappedStream<std::int32_t, ProbedFn>>);

generator<int> count_to(int n, int& started) {
  ++started;
  for (int i = 0; i < n; ++i) co_yield i;
}

TEST(Generator, RunsNothingBeforeBegin) {
  int started = 0;
  auto g = count_to(3, started);
  EXPECT_EQ(started, 0);
  auto it = g.begin();
  EXPECT_EQ(started, 1);
  EXPECT_EQ(*it, 0);
}

TEST(Generator, DefaultConstructedIsEmpty) {
  generator<int> g;
  EXPECT_TRUE(g.begin() == g.end());
}

TEST(Generator, MovedFromHandsOverTheSequence) {
  int started = 0;
  auto g = count_to(4, started);
  auto it = g.begin();
  ++it;
  generator<int> moved = std::move(g);
  std::vector<int> rest;
  for (auto i = moved.begin(); i != moved.end(); ++i) rest.push_back(*i);
  EXPECT_EQ(rest, (std::vector<int>{1, 2, 3})) << "a started generator resumes where it was";
  EXPECT_TRUE(g.begin() == g.end());  // NOLINT(bugprone-use-after-move): empty after a move
}

generator<int> throws_before_first_yield() {
  throw ProducerError();
  co_return;
}

TEST(Generator, ExceptionBeforeTheFirstYieldSurfacesAtBegin) {
  auto g = throws_before_first_yield();
  EXPECT_THROW(g.begin(), ProducerError);
}

}  // namespace
}  // namespace idiombench::iteration
