// Contract tests for the batch producers: exactly the reference batches (boundaries,
// short last batch, empty source), early exit, and, for the buffered generator fed by
// a lazy stream, how much of that stream it pulls and how it passes on failures.
#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <span>
#include <vector>

#include "batches/variants.hpp"
#include "map_producers.hpp"
#include "probe.hpp"

namespace idiombench::iteration {
namespace {

using Batches = std::vector<std::vector<std::int32_t>>;
using Source = std::span<const std::int32_t>;

template <class Range>
Batches collect(Range&& batches, std::size_t limit = static_cast<std::size_t>(-1)) {
  Batches out;
  if (limit == 0) return out;
  for (const auto& batch : batches) {
    out.emplace_back(batch.begin(), batch.end());
    if (out.size() == limit) break;
  }
  return out;
}

struct GeneratorSpans {
  static Batches run(Source s, std::size_t size, std::size_t limit) {
    return collect(generate_batches(s, size), limit);
  }
};
struct GeneratorBuffered {
  static Batches run(Source s, std::size_t size, std::size_t limit) {
    return collect(generate_buffered_batches(s, size), limit);
  }
};
struct EagerVectorOfVectors {
  static Batches run(Source s, std::size_t size, std::size_t limit) {
    return collect(eager_batches(s, size), limit);
  }
};
struct IteratorClass {
  static Batches run(Source s, std::size_t size, std::size_t limit) {
    return collect(stream_batches(s, size), limit);
  }
};
struct RangeV3Chunk {
  static Batches run(Source s, std::size_t size, std::size_t limit) {
    return collect(range_v3_batches(s, size), limit);
  }
};

template <class Idiom>
class BatchContract : public ::testing::Test {};
using Idioms = ::testing::Types<GeneratorSpans, GeneratorBuffered, EagerVectorOfVectors,
                                IteratorClass, RangeV3Chunk>;
TYPED_TEST_SUITE(BatchContract, Idioms);

Batches reference_batches(const std::vector<std::int32_t>& values, std::size_t size) {
  Batches out;
  for (std::size_t i = 0; i < values.size(); i += size) {
    auto end = std::min(values.size(), i + size);
    out.emplace_back(values.begin() + static_cast<std::ptrdiff_t>(i),
                     values.begin() + static_cast<std::ptrdiff_t>(end));
  }
  return out;
}

constexpr std::size_t kAll = static_cast<std::size_t>(-1);

TYPED_TEST(BatchContract, YieldsExactlyTheReferenceBatches) {
  for (std::size_t size : {1u, 3u, 32u}) {
    for (std::size_t n : {0u, 1u, 2u, 31u, 32u, 33u, 65u, 1000u}) {
      std::vector<std::int32_t> values(n);
      std::iota(values.begin(), values.end(), 7);
      EXPECT_EQ(TypeParam::run(values, size, kAll), reference_batches(values, size))
          << "n = " << n << ", size = " << size;
    }
  }
}

TYPED_TEST(BatchContract, SizeZeroMeansOneElementPerBatch) {
  std::vector<std::int32_t> values{4, 5, 6};
  EXPECT_EQ(TypeParam::run(values, 0, kAll), reference_batches(values, 1));
}

TYPED_TEST(BatchContract, StopsWhenTheConsumerStops) {
  std::vector<std::int32_t> values(100);
  std::iota(values.begin(), values.end(), 0);
  auto first_two = TypeParam::run(values, 32, 2);
  ASSERT_EQ(first_two.size(), 2u);
  EXPECT_EQ(first_two[1].front(), 32);
}

// The seed's stream_batches over a lazy stream: it pulls one batch's worth at a time.
TEST(BufferedBatches, PullsNoMoreThanTheBatchesTaken) {
  std::vector<std::int32_t> values(1000);
  std::iota(values.begin(), values.end(), 0);
  testing::Probe probe;
  {
    auto batches =
        generate_buffered_batches(generate_mapped(Source(values), testing::ProbedFn(probe)), 32);
    int taken = 0;
    for (auto batch : batches) {
      EXPECT_EQ(batch.size(), 32u);
      if (++taken == 2) break;
    }
    EXPECT_EQ(taken, 2);
    EXPECT_GE(probe.steps, 2 * 32) << "the two batches taken were pulled";
    EXPECT_LE(probe.steps, 2 * 32 + 1);
  }
  EXPECT_EQ(probe.cleanups, 1) << "destroying the batch stream destroyed its source";
}

TEST(BufferedBatches, SourceFailureReachesTheConsumerAfterTheFullBatches) {
  std::vector<std::int32_t> values(100);
  testing::Probe probe;
  probe.throw_at = 40;
  auto batches =
      generate_buffered_batches(generate_mapped(Source(values), testing::ProbedFn(probe)), 32);
  int delivered = 0;
  EXPECT_THROW(
      {
        for ([[maybe_unused]] auto batch : batches) ++delivered;
      },
      testing::ProducerError);
  EXPECT_EQ(delivered, 1) << "the first full batch arrived before the failure";
}

}  // namespace
}  // namespace idiombench::iteration
