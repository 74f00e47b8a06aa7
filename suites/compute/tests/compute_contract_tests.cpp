// Contracts of the compute suite beyond conformance: the sizes mean what they say on
// this machine, and the parallel variants honour their thread count.
#include <gtest/gtest.h>

#include "device_sizes.hpp"
#include "kokkos_cuda/loader.hpp"
#include "machine_sizes.hpp"
#include "stencil/case.hpp"
#include "stream/case.hpp"
#include "stream/nontemporal.hpp"

namespace idiombench::compute {
namespace {

TEST(MachineSizes, MemoryBoundSizesExceedTheLastLevelCache) {
  const auto l1 = elements_in_cache(1, 3), l2 = elements_in_cache(2, 3);
  const auto quick = elements_beyond_llc(2.0, 3), full = elements_beyond_llc(4.0, 3);
  EXPECT_LT(l1, l2);
  EXPECT_LT(l2, quick);
  EXPECT_GE(full, 2 * quick - 2048);
  EXPECT_GE(elements_beyond_llc(0.1, 3, 1 << 20), 1 << 20) << "the floor holds";
}

// The model interface is a concept: a model missing a kernel is a compile error, not a
// runtime surprise.
struct OnlyMaps {
  template <class Op>
  static void map(const stream::Arrays&, Op, stream::Launch) {}
};
struct NoTriad {
  static void map(const stream::Arrays&, stream::Copy, stream::Launch) {}
  static double dot(const stream::Arrays&, stream::Launch) { return 0; }
};
static_assert(stream::MapModel<OnlyMaps>);
static_assert(!stream::StreamModel<OnlyMaps>, "no dot");
static_assert(!stream::MapModel<NoTriad>, "only copy");

TEST(StreamCases, EveryParallelVariantHasAThreadsParamAndSerialOnesDoNot) {
  for (const auto* c : {static_cast<const CaseBase*>(&stream::triad_case()),
                        static_cast<const CaseBase*>(&stream::dot_case())}) {
    for (const auto& v : c->variants()) {
      bool parallel = std::find(stream::parallel_models().begin(), stream::parallel_models().end(),
                                v.model) != stream::parallel_models().end();
      for (const auto& p : expand_for_model(c->info().quick, v.model)) {
        EXPECT_EQ(p.contains("threads"), parallel) << v.name << " " << p.to_string();
      }
    }
  }
}

// A DRAM bandwidth is no limit for arrays in the caches: there a fraction of it would
// read as a multiple of the machine's peak. Every limit applies beyond the caches only.
TEST(StreamCases, TheBandwidthLimitAppliesOnlyBeyondTheCaches) {
  for (const auto* c : {static_cast<const CaseBase*>(&stream::copy_case()),
                        static_cast<const CaseBase*>(&stream::triad_case()),
                        static_cast<const CaseBase*>(&stream::dot_case()),
                        static_cast<const CaseBase*>(&stencil::the_case())}) {
    for (const auto* grid : {&c->info().quick, &c->info().full}) {
      for (const auto& model : {"autovec", "openmp", "cuda"}) {
        const auto& limit = c->info().physical_limit_for(model);
        ASSERT_FALSE(limit.of.empty()) << c->info().name;
        ASSERT_TRUE(limit.applies_at) << c->info().name;
        for (const auto& p : expand_for_model(*grid, model)) {
          const std::int64_t n = p.integer("n");
          const bool in_cache = c->info().name == "stencil2d"
                                    ? 3 * n * n * 8 <= (1 << 20)
                                    : n <= compute::elements_in_cache(2, 1);
          const bool beyond = n >= compute::elements_beyond_llc(1.0, 1);
          if (in_cache) {
            EXPECT_FALSE(limit.applies_at(p)) << c->info().name << " " << p.to_string();
          }
          if (beyond) {
            EXPECT_TRUE(limit.applies_at(p)) << c->info().name << " " << p.to_string();
          }
        }
      }
    }
  }
}

// A GPU's points come from its own L2, never from the host's caches, and its limit (the
// device's memory) applies only beyond that L2.
TEST(StreamCases, DeviceModelsTakeTheirSizesFromTheDevicesL2) {
  for (const auto* c : {static_cast<const CaseBase*>(&stream::triad_case()),
                        static_cast<const CaseBase*>(&stream::dot_case())}) {
    const int arrays = c->info().name == "dot" ? 2 : 3;
    for (const auto& model : compute::device_models()) {
      auto points = expand_for_model(c->info().quick, model);
      ASSERT_EQ(points.size(), 2u) << c->info().name << " " << model;
      EXPECT_EQ(points[0].integer("n"), compute::elements_in_device_l2(arrays));
      EXPECT_EQ(points[1].integer("n"), compute::elements_beyond_device_l2());
      EXPECT_GE(points[1].integer("n") * 8, 4 * compute::device_l2_bytes()) << "4x L2 per array";
      EXPECT_LE(points[0].integer("n") * arrays * 8, compute::device_l2_bytes()) << "fits L2";
      const auto& limit = c->info().physical_limit_for(model);
      EXPECT_EQ(limit.of, "compute/device_peak") << model;
      EXPECT_FALSE(limit.applies_at(points[0])) << "in L2: no limit";
      EXPECT_TRUE(limit.applies_at(points[1]));
    }
    for (const auto& p : expand_for_model(c->info().quick, "openmp")) {
      EXPECT_NE(p.integer("n"), compute::elements_beyond_device_l2()) << "a host model's sizes";
    }
  }
}

// Without a device the unit is never loaded (a CUDA Kokkos aborts without one): its
// variants are skipped with the runtime's reason, or the build's.
TEST(KokkosCuda, WithoutADeviceTheUnitIsNotLoadedAndSaysWhy) {
  const auto why = kokkos_cuda::why_unavailable();
  for (const auto* c : {static_cast<const CaseBase*>(&stream::triad_case()),
                        static_cast<const CaseBase*>(&stencil::the_case())}) {
    bool found = false;
    for (const auto& v : c->variants()) {
      if (v.model != "kokkos_cuda") continue;
      found = true;
      EXPECT_EQ(v.why_unavailable(), why) << c->info().name;
    }
    EXPECT_TRUE(found) << c->info().name << " has a kokkos_cuda variant";
  }
  if (!why.empty()) {
    EXPECT_TRUE(why.find("CUDA") != std::string::npos ||
                why.find("built without") != std::string::npos)
        << why;
    EXPECT_THROW(kokkos_cuda::unit(), std::runtime_error);
    EXPECT_EQ(kokkos_cuda::describe_unit(), "");
  }
}

TEST(Nontemporal, ThreadSharesTileTheRangeAtCacheLineMultiples) {
  for (std::size_t n : {0, 1, 7, 8, 17, 1000003}) {
    for (std::size_t team : {1, 2, 3, 7}) {
      std::size_t next = 0;
      for (std::size_t me = 0; me < team; ++me) {
        const auto [begin, end] = stream::line_aligned_share(n, team, me);
        EXPECT_EQ(begin, next) << "n " << n << " team " << team << " thread " << me;
        EXPECT_LE(begin, end);
        if (end < n) {
          EXPECT_EQ(end % 8, 0u) << "a share ends inside a cache line";
        }
        next = end;
      }
      EXPECT_EQ(next, n) << "n " << n << " team " << team;
    }
  }
}

}  // namespace
}  // namespace idiombench::compute
