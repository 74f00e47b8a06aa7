// Contracts of the lazy pipelines, checked through the registry on the variants that
// are timed: how many source elements each pulls before its k-th result, and how much
// heap each holds while it runs.
#include <gtest/gtest.h>

#include <string>

#include "generator_adaptors.hpp"
#include "idiombench/registry.hpp"
#include "lazy_memory/case.hpp"
#include "pipeline_early_exit/case.hpp"

namespace idiombench::iteration {
namespace {

const CaseBase& find_case(const std::string& name) {
  for (const auto* c : Registry::instance().cases()) {
    if (c->info().suite == "iteration" && c->info().name == name) return *c;
  }
  throw std::runtime_error("no case iteration/" + name);
}

// Position (1-based) of the k-th element the reference keeps.
std::size_t position_of_kth_result(const pipeline_early_exit::Input& in) {
  std::size_t found = 0;
  for (std::size_t i = 0; i < in.values.size(); ++i) {
    if (pipeline_early_exit::keep(pipeline_early_exit::produce(in.values[i], in.cost)) &&
        ++found == in.k) {
      return i + 1;
    }
  }
  return in.values.size();
}

TEST(PipelineEarlyExit, LazyVariantsStopNearTheKthResultEagerProducesEverything) {
  const auto& early_exit = find_case("pipeline_early_exit");
  const Params params{{"n", 100000}, {"k", 10}, {"cost", 0}};
  auto prepared = early_exit.prepare(params);
  for (std::size_t v = 0; v < early_exit.variants().size(); ++v) {
    const auto& name = early_exit.variants()[v].name;
    if (!early_exit.variants()[v].why_unavailable().empty()) continue;
    if (name.rfind("mutant_", 0) == 0) continue;  // wrong on purpose (tests/mutants.cpp)
    auto check = prepared->verify(v);
    ASSERT_TRUE(check.ok) << name << ": " << check.mismatch;
    ASSERT_TRUE(check.counters.count("elements_produced")) << name;
    double produced = check.counters.at("elements_produced");
    if (name == "eager" || name == "py_list_eager") {
      EXPECT_EQ(produced, 100000) << name;
    } else {
      // Each kept element may be produced twice (transform before filter) and a take
      // may look one match ahead: a lazy pipeline still stops within a few hundred.
      EXPECT_GE(produced, 10) << name;
      EXPECT_LT(produced, 1000) << name << " pulled far past the 10th result";
    }
  }
}

TEST(PipelineEarlyExit, HandWrittenAndGeneratorPipelinesPullExactlyUpToTheKthResult) {
  const auto& early_exit = find_case("pipeline_early_exit");
  const Params params{{"n", 100000}, {"k", 25}, {"cost", 2}};
  const auto input = pipeline_early_exit::the_case().spec().make_input(params);
  const auto expected = static_cast<double>(position_of_kth_result(input));
  auto prepared = early_exit.prepare(params);
  for (const char* exact : {"index_loop", "coroutine_generator"}) {
    auto v = early_exit.variant_index(exact);
    ASSERT_TRUE(v.has_value()) << exact;
    auto check = prepared->verify(*v);
    ASSERT_TRUE(check.ok) << exact << ": " << check.mismatch;
    EXPECT_EQ(check.counters.at("elements_produced"), expected)
        << exact << " should stop its source at the 25th result";
  }
}

TEST(GeneratorAdaptors, TakeZeroPullsNothing) {
  int pulled = 0;
  auto source = gen_indexed(10, [&](std::size_t i) {
    ++pulled;
    return static_cast<int>(i);
  });
  auto taken = gen_take(std::move(source), 0);
  EXPECT_TRUE(taken.begin() == taken.end());
  EXPECT_EQ(pulled, 0);
}

TEST(GeneratorAdaptors, ChainMatchesAnEagerComputation) {
  std::vector<long> got;
  auto chain =
      gen_take(gen_transform(gen_filter(gen_indexed(50, [](std::size_t i) { return long(i); }),
                                        [](long x) { return x % 3 == 0; }),
                             [](long x) { return x * x; }),
               5);
  for (auto v : chain) got.push_back(v);
  EXPECT_EQ(got, (std::vector<long>{0, 9, 36, 81, 144}));
}

TEST(LazyMemory, LazyVariantsHoldConstantHeapEagerHoldsTheDataset) {
  const auto& lazy_memory = find_case("lazy_memory");
  const std::int64_t records = 200000;
  auto prepared = lazy_memory.prepare(Params{{"n", records}});
  for (std::size_t v = 0; v < lazy_memory.variants().size(); ++v) {
    const auto& name = lazy_memory.variants()[v].name;
    if (!lazy_memory.variants()[v].why_unavailable().empty()) continue;
    if (name.rfind("mutant_", 0) == 0) continue;  // wrong on purpose (tests/mutants.cpp)
    auto check = prepared->verify(v);
    ASSERT_TRUE(check.ok) << name << ": " << check.mismatch;
    if (name == "eager_vectors") {
      EXPECT_GE(check.peak_bytes, static_cast<double>(records * sizeof(lazy_memory::Record)))
          << "the eager pipeline holds every record";
    } else {
      EXPECT_LT(check.peak_bytes, 4096) << name << " should hold O(1) memory";
    }
  }
}

}  // namespace
}  // namespace idiombench::iteration
