// Unit tests of the harness pieces that need no child process: params, equivalence
// rules, the registry, heap accounting, the summary table.
#include <benchmark/benchmark.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <set>
#include <span>
#include <sstream>
#include <thread>
#include <vector>

#include "build_info.hpp"
#include "idiombench/allocations.hpp"
#include "idiombench/backend.hpp"
#include "idiombench/case.hpp"
#include "idiombench/equivalence.hpp"
#include "idiombench/model.hpp"
#include "idiombench/params.hpp"
#include "plan/plan.hpp"
#include "plan/profiles.hpp"
#include "results/results.hpp"
#include "results/sampling.hpp"
#include "results/summary.hpp"
#include "run/cpu_identity.hpp"
#include "run/environment.hpp"
#include "run/measure.hpp"
#include "run/tool_cost.hpp"

namespace idiombench {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model({.name = "serial", .description = "unit serial"}),
    declare_model({.name = "threads", .description = "unit threads"}),
    declare_model({.name = "device", .description = "unit device (sizes of its own)"}),
    declare_backend({.name = "unit_backend",
                     .probe =
                         [] {
                           return BackendStatus{.available = true, .details = {{"version", "1.2"}}};
                         }}),
};

TEST(Params, ExpandIsTheCartesianProductFirstAxisSlowest) {
  ParamGrid grid{{"n", {1, 2}}, {"mode", {std::string("a"), std::string("b")}}};
  auto points = expand(grid);
  ASSERT_EQ(points.size(), 4u);
  EXPECT_EQ(points[0].to_string(), "n:1/mode:a");
  EXPECT_EQ(points[1].to_string(), "n:1/mode:b");
  EXPECT_EQ(points[3].to_string(), "n:2/mode:b");
  EXPECT_EQ(points[3].integer("n"), 2);
  EXPECT_EQ(points[3].text("mode"), "b");
}

TEST(Params, EmptyGridIsOnePointWithoutParams) {
  auto points = expand({});
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0].to_string(), "");
}

TEST(Params, AxesWithModelsApplyOnlyToThoseModels) {
  ParamGrid grid{{"n", {10, 20}}, {"threads", {1, 2}, {"openmp", "tbb"}}};
  EXPECT_EQ(expand_for_model(grid, "serial").size(), 2u);
  auto parallel = expand_for_model(grid, "openmp");
  ASSERT_EQ(parallel.size(), 4u);
  EXPECT_EQ(parallel[1].to_string(), "n:10/threads:2");
  auto crossed =
      cross_for_model({Params{{"n", 0}}, Params{{"n", 3}}}, {{"threads", {1, 3}, {"tbb"}}}, "tbb");
  ASSERT_EQ(crossed.size(), 4u);
  EXPECT_EQ(crossed[3].to_string(), "n:3/threads:3");
}

TEST(Params, AnAxisForEveryModelButSomeLetsThoseHaveTheirOwnSizes) {
  ParamAxis host{"n", {1000, 2000}};
  host.except_models = {"cuda"};
  ParamGrid grid{host, {"n", {5000000}, {"cuda"}}};
  auto on_host = expand_for_model(grid, "openmp");
  ASSERT_EQ(on_host.size(), 2u);
  EXPECT_EQ(on_host[1].to_string(), "n:2000");
  auto on_device = expand_for_model(grid, "cuda");
  ASSERT_EQ(on_device.size(), 1u);
  EXPECT_EQ(on_device[0].to_string(), "n:5000000");
}

TEST(Params, WorkerCountsSweepFromOneToNprocAndBeyondWhenOversubscribed) {
  const auto nproc = hardware_threads();
  EXPECT_GE(nproc, 1);
  const auto quick = worker_counts({});
  EXPECT_EQ(quick.front(), 1);
  EXPECT_EQ(quick.back(), nproc);
  EXPECT_LE(quick.size(), 2u);
  EXPECT_EQ(worker_counts({.oversubscribe = true}), quick) << "quick never oversubscribes";
  const auto full = worker_counts({.full = true});
  EXPECT_EQ(full.back(), nproc);
  EXPECT_TRUE(std::is_sorted(full.begin(), full.end()));
  EXPECT_EQ(std::adjacent_find(full.begin(), full.end()), full.end()) << "no repeats";
  for (auto w : full) EXPECT_TRUE(w == nproc || (w & (w - 1)) == 0) << w;
  const auto over = worker_counts({.full = true, .oversubscribe = true});
  EXPECT_EQ(over.back(), 2 * nproc);
  EXPECT_NE(std::find(over.begin(), over.end(), nproc), over.end());
}

TEST(Params, MissingOrMistypedKeyNamesIt) {
  Params p{{"n", 3}};
  EXPECT_THROW(p.integer("k"), std::out_of_range);
  EXPECT_THROW(p.text("n"), std::out_of_range);
  try {
    p.integer("k");
  } catch (const std::out_of_range& e) {
    EXPECT_NE(std::string(e.what()).find("'k'"), std::string::npos);
  }
}

TEST(Equivalence, ExactNamesTheFirstDifferingElement) {
  auto rule = exactly<std::vector<int>>();
  EXPECT_FALSE(rule({1, 2, 3}, {1, 2, 3}));
  auto diff = rule({1, 5, 3}, {1, 2, 3});
  ASSERT_TRUE(diff);
  EXPECT_NE(diff->find("element 1"), std::string::npos) << *diff;
  auto size = rule({1, 2}, {1, 2, 3});
  ASSERT_TRUE(size);
  EXPECT_NE(size->find("size 2"), std::string::npos) << *size;
}

TEST(Equivalence, WithinToleranceNaNMatchesNothingAndInfinityOnlyItself) {
  auto rule = within<double>(1e-9, 0);
  EXPECT_FALSE(rule(1.0 + 1e-12, 1.0));
  EXPECT_TRUE(rule(1.0 + 1e-6, 1.0));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_TRUE(rule(nan, 1.0));
  EXPECT_TRUE(rule(1.0, nan));
  EXPECT_TRUE(rule(nan, nan)) << "an unwritten (NaN-poisoned) element never passes";
  EXPECT_TRUE(rule(1e300, inf)) << "a finite value is not within any tolerance of infinity";
  EXPECT_TRUE(rule(inf, 1e300));
  EXPECT_TRUE(rule(-inf, inf));
  EXPECT_FALSE(rule(inf, inf));
  EXPECT_FALSE(rule(-inf, -inf));
  EXPECT_TRUE(within<double>(1.0, 1e300)(nan, nan)) << "no tolerance makes NaN pass";
  auto elements = within<std::vector<double>>(0, 0.5);
  EXPECT_FALSE(elements({1.0, 2.4}, {1.0, 2.0}));
  EXPECT_TRUE(elements({1.0, 2.6}, {1.0, 2.0}));
}

using TinyCase = Case<int, int>;

TinyCase& tiny() {
  static auto& c = define_case<int, int>({
      .name = "tiny",
      .question = "Does registration work?",
      .make_input = [](const Params& p) { return static_cast<int>(p.integer("n")); },
      .reference = [](const int& n) { return n * 2; },
      .quick = {{"n", {1, 2}}, {"threads", {2}, {"threads"}}},
      .full = {{"n", {3}}},
      .conformance = {{{"n", 0}}, {{"n", 7}}},
      .baseline = "b_double",
      .suite = "unit",
  });
  return c;
}

[[maybe_unused]] const auto registered = {
    tiny().add_variant(
        {.name = "b_double", .model = "serial", .run = [](const int& n) { return 2 * n; }}),
    tiny().add_variant(
        {.name = "a_plus", .model = "threads", .run = [](const int& n) { return n + n; }}),
    tiny().add_variant(
        {.name = "c_wrong", .model = "serial", .run = [](const int& n) { return n + 1; }}),
    tiny().add_variant({.name = "d_counter",
                        .model = "serial",
                        .run =
                            [](const int& n, Context& ctx) {
                              ctx.counter("calls", 1);
                              std::vector<char> scratch(1 << 20);
                              benchmark::DoNotOptimize(scratch.data());
                              return n * 2;
                            }}),
};

TEST(Registry, VariantsAreSortedByNameWithTheirModels) {
  const auto& variants = tiny().variants();
  ASSERT_EQ(variants.size(), 4u);
  EXPECT_EQ(variants[0].name, "a_plus");
  EXPECT_EQ(variants[0].model, "threads");
  EXPECT_EQ(variants[1].name, "b_double");
  EXPECT_EQ(tiny().variant_index("c_wrong"), 2u);
  EXPECT_FALSE(tiny().variant_index("nope"));
}

TEST(Registry, VerifyPassesCorrectVariantsAndFailsWrongOnes) {
  auto prepared = tiny().prepare(Params{{"n", 7}});
  EXPECT_TRUE(prepared->verify(*tiny().variant_index("a_plus")).ok);
  auto wrong = prepared->verify(*tiny().variant_index("c_wrong"));
  EXPECT_FALSE(wrong.ok);
  EXPECT_EQ(wrong.mismatch, "wrong answer: got 8, expected 14");
}

TEST(Registry, VerifyRecordsCountersChecksumAndPeakHeap) {
  auto prepared = tiny().prepare(Params{{"n", 7}});
  auto check = prepared->verify(*tiny().variant_index("d_counter"));
  ASSERT_TRUE(check.ok);
  EXPECT_EQ(check.counters.at("calls"), 1);
  EXPECT_EQ(check.checksum, 14.0);
  EXPECT_GE(check.peak_bytes, 1 << 20);
}

TEST(Registry, AMalformedModelNameAbortsRegistrationWithAMessage) {
  EXPECT_DEATH(
      tiny().add_variant({.name = "e_gpu", .model = "GPU!", .run = [](const int& n) { return n; }}),
      "malformed model name 'GPU!'");
  EXPECT_DEATH(declare_model({.name = "9lives", .description = "x"}), "not lower-case");
  EXPECT_TRUE(well_formed_model_name("sycl"));
  EXPECT_TRUE(well_formed_model_name("python3_threads"));
  EXPECT_FALSE(well_formed_model_name(""));
  EXPECT_FALSE(well_formed_model_name("Python"));
  EXPECT_FALSE(well_formed_model_name("a-b"));
}

TEST(Registry, AModelNoSuiteDeclaresIsAProblemNamingTheVariant) {
  for (const auto& problem : Registry::instance().problems()) ADD_FAILURE() << problem;
  static auto& undeclared = define_case<int, int>({
      .name = "one",
      .question = "Is a model nobody declared caught?",
      .make_input = [](const Params&) { return 1; },
      .reference = [](const int& n) { return n; },
      .quick = {},
      .full = {},
      .conformance = {},
      .baseline = "v",
      .suite = "unit_undeclared",
  });
  undeclared.add_variant(
      {.name = "v", .model = "warp_drive", .run = [](const int& n) { return n; }});
  const auto problems = Registry::instance().problems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("unit_undeclared/one/v has model 'warp_drive'"), std::string::npos)
      << problems[0];
}

TEST(Registry, DuplicateVariantAbortsRegistration) {
  EXPECT_DEATH(tiny().add_variant(
                   {.name = "a_plus", .model = "serial", .run = [](const int& n) { return n; }}),
               "registered twice");
}

// A case whose variants write into a workspace and return a view of it.
struct Workspace {
  std::vector<double> in;
  mutable std::vector<double> out;
};
using View = std::span<const double>;

Case<Workspace, View, std::vector<double>>& doubling() {
  static auto& c = define_case<Workspace, View, std::vector<double>>({
      .name = "doubling",
      .question = "Is a forgotten output element caught?",
      .make_input =
          [](const Params& p) {
            auto n = static_cast<std::size_t>(p.integer("n"));
            return Workspace{std::vector<double>(n, 1.5), std::vector<double>(n, 3.0)};
          },
      .reference =
          [](const Workspace& w) {
            std::vector<double> out;
            for (double x : w.in) out.push_back(2 * x);
            return out;
          },
      .equivalence = within<View, std::vector<double>>(1e-12),
      .quick = {{"n", {4}}},
      .full = {{"n", {4}}},
      .conformance = {{{"n", 5}}},
      .baseline = "complete",
      .suite = "unit",
      .before_verification =
          [](Workspace& w) {
            std::fill(w.out.begin(), w.out.end(), std::numeric_limits<double>::quiet_NaN());
          },
  });
  return c;
}

View double_first(const Workspace& w, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) w.out[i] = 2 * w.in[i];
  return w.out;
}

[[maybe_unused]] const auto registered_doubling = {
    doubling().add_variant(
        {.name = "complete",
         .model = "serial",
         .run = [](const Workspace& w) { return double_first(w, w.in.size()); }}),
    doubling().add_variant(
        {.name = "forgets_last",
         .model = "serial",
         .run = [](const Workspace& w) { return double_first(w, w.in.size() - 1); }}),
};

TEST(Registry, PoisonedWorkspaceCatchesAnElementAVariantForgets) {
  auto prepared = doubling().prepare(Params{{"n", 5}});
  EXPECT_TRUE(prepared->verify(*doubling().variant_index("complete")).ok);
  // The workspace now holds the right answer; poisoning makes the next run prove itself.
  auto forgetful = prepared->verify(*doubling().variant_index("forgets_last"));
  EXPECT_FALSE(forgetful.ok);
  EXPECT_NE(forgetful.mismatch.find("element 4 is nan"), std::string::npos) << forgetful.mismatch;
}

TEST(Plan, SelectsBySuiteVariantModelAndFilter) {
  Selection selection;
  selection.suites = {"unit"};
  selection.filter = "tiny";
  EXPECT_EQ(plan_benchmarks(selection, Availability::asked_here()).size(),
            8u);  // 4 variants x 2 quick points
  selection.models = {"threads"};
  auto threads = plan_benchmarks(selection, Availability::asked_here());
  ASSERT_EQ(threads.size(), 2u);
  EXPECT_EQ(threads[0].name, "unit/tiny/a_plus/n:1/threads:2");
  selection.models.clear();
  selection.filter = "b_double/n:2$";
  ASSERT_EQ(plan_benchmarks(selection, Availability::asked_here()).size(), 1u);
  selection.filter = "tiny";
  selection.profile = "full";
  EXPECT_EQ(plan_benchmarks(selection, Availability::asked_here()).size(), 4u);
  EXPECT_EQ(plan_conformance(selection).size(), 8u);
}

TEST(Plan, SharedParamsLeaveOutWhatOnlyOtherModelsThanTheBaselinesTake) {
  Selection selection;
  selection.suites = {"unit"};
  selection.filter = "tiny";
  for (const auto& planned : plan_benchmarks(selection, Availability::asked_here())) {
    auto shared = shared_params(planned);
    EXPECT_TRUE(shared.contains("n")) << planned.name;
    EXPECT_FALSE(shared.contains("threads")) << planned.name;
    EXPECT_EQ(planned.params.contains("threads"), planned.variant_info().model == "threads");
  }
}

// A size axis for the host models and another of the same key for a device model (the
// compute suite's GPU sizes): `n` is shared with the baseline either way.
Case<int, int>& sized_by_model() {
  static auto& c = define_case<int, int>({
      .name = "sized",
      .question = "Is a key with one axis per kind of model shared with the baseline?",
      .make_input = [](const Params& p) { return static_cast<int>(p.integer("n")); },
      .reference = [](const int& n) { return n * 2; },
      .quick = {{"n", {1, 2}, {}, {"device"}},
                {"n", {5}, {"device"}},
                {"threads", {2}, {"threads"}}},
      .full = {{"n", {3}}},
      .conformance = {{{"n", 0}}},
      .baseline = "base",
      .suite = "unit_sized",
  });
  return c;
}

[[maybe_unused]] const auto sized_registered = {
    sized_by_model().add_variant(
        {.name = "base", .model = "serial", .run = [](const int& n) { return 2 * n; }}),
    sized_by_model().add_variant(
        {.name = "gpu", .model = "device", .run = [](const int& n) { return 2 * n; }}),
    sized_by_model().add_variant(
        {.name = "par", .model = "threads", .run = [](const int& n) { return 2 * n; }}),
};

TEST(Plan, AKeyWithAnAxisForTheBaselinesModelIsSharedWhateverOtherAxesItHas) {
  Selection selection;
  selection.suites = {"unit_sized"};
  std::vector<std::string> names;
  for (const auto& planned : plan_benchmarks(selection, Availability::asked_here())) {
    names.push_back(planned.name);
    auto shared = shared_params(planned);
    EXPECT_TRUE(shared.contains("n")) << planned.name;
    EXPECT_FALSE(shared.contains("threads")) << planned.name;
  }
  // The baseline is planned at the device model's point too: every row has its comparison.
  EXPECT_EQ(names,
            (std::vector<std::string>{"unit_sized/sized/base/n:1", "unit_sized/sized/base/n:2",
                                      "unit_sized/sized/base/n:5", "unit_sized/sized/gpu/n:5",
                                      "unit_sized/sized/par/n:1/threads:2",
                                      "unit_sized/sized/par/n:2/threads:2"}));
}

TEST(Plan, UnknownNamesAndBadRegexAreUsageErrors) {
  Selection bad_suite;
  bad_suite.suites = {"nosuch"};
  EXPECT_THROW(plan_benchmarks(bad_suite, Availability::asked_here()), UsageError);
  Selection bad_model;
  bad_model.models = {"quantum"};
  EXPECT_THROW(plan_benchmarks(bad_model, Availability::asked_here()), UsageError);
  Selection bad_variant;
  bad_variant.variants = {"nosuch"};
  EXPECT_THROW(plan_benchmarks(bad_variant, Availability::asked_here()), UsageError);
  Selection bad_regex;
  bad_regex.filter = "(";
  EXPECT_THROW(plan_benchmarks(bad_regex, Availability::asked_here()), UsageError);
  Selection bad_profile;
  bad_profile.profile = "huge";
  EXPECT_THROW(plan_benchmarks(bad_profile, Availability::asked_here()), UsageError);
}

TEST(AllocationWatch, TracksThePeakNotTheEnd) {
  AllocationWatch watch;
  {
    std::vector<char> big(1 << 22);
    benchmark::DoNotOptimize(big.data());
  }
  std::vector<char> small(1 << 10);
  benchmark::DoNotOptimize(small.data());
  EXPECT_GE(watch.peak_bytes(), 1 << 22);
  EXPECT_LT(watch.peak_bytes(), (1 << 22) + (1 << 16));
  EXPECT_GE(watch.allocations(), 2);
}

TEST(Summary, SortsByMedianAndShowsSpeedupAndFailures) {
  auto entry = [](std::string variant, std::string status, double time) {
    return nlohmann::json{{"suite", "s"},
                          {"case", "c"},
                          {"variant", variant},
                          {"model", "serial"},
                          {"params", {{"n", 1}}},
                          {"baseline", "base"},
                          {"status", status},
                          {"reason", status == "ok" ? "" : "boom"},
                          {"run_name", "s/c/" + variant + "/n:1"},
                          {"run_type", "iteration"},
                          {"real_time", time},
                          {"time_unit", "ns"}};
  };
  nlohmann::json benchmarks = {entry("base", "ok", 100), entry("base", "ok", 120),
                               entry("base", "ok", 110), entry("fast", "ok", 50),
                               entry("broken", "crashed", 0)};
  std::ostringstream out;
  print_summary(benchmarks, out);
  auto text = out.str();
  auto fast = text.find("fast"), base = text.find("base  "), broken = text.find("broken");
  ASSERT_NE(fast, std::string::npos);
  EXPECT_LT(fast, base) << text;
  EXPECT_LT(base, broken) << text;
  EXPECT_NE(text.find("2.20x"), std::string::npos) << "median 110 / 50\n" << text;
  EXPECT_NE(text.find("crashed: boom"), std::string::npos) << text;
  EXPECT_NE(text.find("err%"), std::string::npos) << text;
  // base: median 110, deviations 10, 10, 0 -> typical error 10/110 = 9.1%.
  EXPECT_NE(text.find("9.1%"), std::string::npos) << text;
}

TEST(Summary, GroupsByTheSharedParamsTheHarnessWroteAndLabelsTheRest) {
  auto entry = [](std::string variant, nlohmann::json params, nlohmann::json shared, double time) {
    return nlohmann::json{{"suite", "s"},
                          {"case", "c"},
                          {"variant", variant},
                          {"model", "serial"},
                          {"params", params},
                          {"shared_params", shared},
                          {"baseline", "base"},
                          {"status", "ok"},
                          {"reason", ""},
                          {"run_name", variant + params.dump()},
                          {"run_type", "iteration"},
                          {"real_time", time},
                          {"time_unit", "ns"}};
  };
  nlohmann::json benchmarks = {entry("base", {{"n", 1}}, {{"n", 1}}, 100),
                               entry("par", {{"n", 1}, {"threads", 2}}, {{"n", 1}}, 50),
                               entry("par", {{"n", 2}, {"threads", 2}}, {{"n", 2}}, 90)};
  std::ostringstream out;
  print_summary(benchmarks, out);
  auto text = out.str();
  EXPECT_NE(text.find("s/c  n:1 "), std::string::npos) << text;
  EXPECT_NE(text.find("par threads:2"), std::string::npos) << text;
  EXPECT_NE(text.find("2.00x"), std::string::npos) << "compared with base at n:1\n" << text;
  EXPECT_NE(text.find("s/c  n:2 "), std::string::npos) << "a point the baseline lacks\n" << text;
}

TEST(PhysicalLimits, FractionIsOverTheBestOfTheLimitCaseInTheSameRun) {
  auto timed = [](std::string c, double bytes, std::string status = "ok") {
    nlohmann::json e = {{"suite", "s"},
                        {"case", c},
                        {"status", status},
                        {"run_type", "iteration"},
                        {"bytes_per_second", bytes}};
    if (c != "peak") e["physical_limit"] = {{"of", "s/peak"}, {"counter", "bytes_per_second"}};
    return e;
  };
  auto benchmarks =
      nlohmann::json::array({timed("peak", 40), timed("peak", 50), timed("triad", 45),
                             timed("triad", 0, "failed"), timed("peak", 90, "crashed")});
  apply_physical_limits(benchmarks);
  EXPECT_DOUBLE_EQ(benchmarks[2]["fraction_of_peak"].get<double>(), 0.9);
  EXPECT_FALSE(benchmarks[3].contains("fraction_of_peak")) << "only timed entries";
  EXPECT_FALSE(benchmarks[0].contains("fraction_of_peak")) << "the limit case itself has none";

  EXPECT_EQ(benchmarks[2]["physical_limit"]["measured_by"], "") << "the peak entry (unnamed here)";
  EXPECT_DOUBLE_EQ(benchmarks[2]["physical_limit"]["value"].get<double>(), 50);

  auto without_peak = nlohmann::json::array({timed("triad", 45)});
  apply_physical_limits(without_peak);
  EXPECT_FALSE(without_peak[0].contains("fraction_of_peak")) << "no limit measured in this run";
}

TEST(PhysicalLimits, AVariantFasterThanTheLimitCaseIsTheLimitSoNoFractionExceedsOne) {
  auto timed = [](std::string c, std::string name, double bytes) {
    nlohmann::json e = {{"suite", "s"},
                        {"case", c},
                        {"name", name},
                        {"status", "ok"},
                        {"run_type", "iteration"},
                        {"bytes_per_second", bytes}};
    if (c != "peak") e["physical_limit"] = {{"of", "s/peak"}, {"counter", "bytes_per_second"}};
    return e;
  };
  auto benchmarks = nlohmann::json::array({timed("peak", "s/peak/memcpy", 3985),
                                           timed("triad", "s/triad/fast", 4103),
                                           timed("copy", "s/copy/slow", 3500)});
  apply_physical_limits(benchmarks);
  for (const auto& e : benchmarks) {
    if (e.contains("fraction_of_peak")) {
      EXPECT_LE(e["fraction_of_peak"].get<double>(), 1.0) << e;
    }
  }
  EXPECT_DOUBLE_EQ(benchmarks[1]["fraction_of_peak"].get<double>(), 1.0);
  EXPECT_EQ(benchmarks[2]["physical_limit"]["measured_by"], "s/triad/fast");
  EXPECT_DOUBLE_EQ(benchmarks[2]["fraction_of_peak"].get<double>(), 3500.0 / 4103);
}

TEST(ResultsEntries, FollowGoogleBenchmarksMeaningOfThreadsAndSkipped) {
  auto entries = nlohmann::json::array(
      {{{"status", "ok"}, {"threads", 1}, {"params", {{"n", 8}, {"threads", 2}}}},
       {{"status", "ok"}, {"threads", 1}, {"params", {{"n", 8}}}},
       {{"status", "skipped"},
        {"reason", "no GPU"},
        {"error_occurred", true},
        {"error_message", "no GPU"},
        {"params", nlohmann::json::object()}},
       {{"status", "failed"},
        {"reason", "wrong"},
        {"error_occurred", true},
        {"error_message", "wrong"},
        {"params", nlohmann::json::object()}}});
  follow_google_benchmark_conventions(entries);
  EXPECT_EQ(entries[0]["threads"], 2) << "as the name's threads:2";
  EXPECT_EQ(entries[1]["threads"], 1);
  EXPECT_EQ(entries[2]["skipped"], true);
  EXPECT_EQ(entries[2]["skip_message"], "no GPU");
  EXPECT_FALSE(entries[2].contains("error_occurred")) << "skipped is not an error";
  EXPECT_EQ(entries[3]["error_occurred"], true);
  EXPECT_FALSE(entries[3].contains("skipped"));
}

TEST(PhysicalLimits, AModelCanHaveALimitOfItsOwn) {
  CaseInfo info;
  info.physical_limit = {"s/peak", "bytes_per_second"};
  info.physical_limit_by_model = {{"cuda", {"s/device_peak", "bytes_per_second"}}};
  EXPECT_EQ(info.physical_limit_for("cuda").of, "s/device_peak");
  EXPECT_EQ(info.physical_limit_for("openmp").of, "s/peak");
  info.physical_limit = {};
  EXPECT_TRUE(info.physical_limit_for("openmp").of.empty()) << "no limit for the others";
}

TEST(Environment, DescribesTheMachineAndWarnsAboutNonReleaseBuilds) {
  auto env = probe_environment();
  const auto& machine = env.idiombench.at("machine");
  EXPECT_EQ(machine.at("machine_id").get<std::string>().size(), 16u);
  EXPECT_GE(machine.at("logical_cpus").get<int>(), 1);
  EXPECT_GT(machine.at("memory_bytes").get<long long>(), 0);
  EXPECT_FALSE(machine.at("cpu_model").get<std::string>().empty());
  // Exactly what this binary declared (below): the harness knows no backend itself.
  const auto& backends = env.idiombench.at("backends");
  ASSERT_EQ(backends.size(), 1u) << backends.dump();
  EXPECT_EQ(backends.at("unit_backend").at("available"), true);
  EXPECT_EQ(backends.at("unit_backend").at("version"), "1.2");
  EXPECT_FALSE(backends.at("unit_backend").contains("reason"));
  EXPECT_EQ(env.idiombench.at("models").at("threads"), "unit threads");
  const std::string build_type = build_info::build_type;
  bool warned = false;
  for (const auto& w : env.warnings) warned |= w.find("non-release build") != std::string::npos;
  EXPECT_EQ(warned, build_type != "Release" && build_type != "RelWithDebInfo") << build_type;
  EXPECT_EQ(env.idiombench.at("warnings").size(), env.warnings.size());
}

TEST(Environment, AFailedBackendProbeIsAWarningNotAnError) {
  auto env = probe_environment("/bin/false");
  EXPECT_TRUE(env.idiombench.at("backends").empty());
  bool warned = false;
  for (const auto& w : env.warnings)
    warned |= w.find("/bin/false _backends) exited with status 1") != std::string::npos;
  EXPECT_TRUE(warned) << nlohmann::json(env.warnings).dump();
}

TEST(Sampling, EverySlotOnceAndTheOrderFollowsTheSeed) {
  auto a = shuffled_slots(7, 3, 1), same = shuffled_slots(7, 3, 1), other = shuffled_slots(7, 3, 2);
  ASSERT_EQ(a.size(), 21u);
  std::set<std::pair<std::size_t, int>> seen;
  for (const auto& slot : a) seen.insert({slot.benchmark, slot.process});
  EXPECT_EQ(seen.size(), 21u) << "each (benchmark, process) exactly once";
  auto order = [](const std::vector<Slot>& slots) {
    std::vector<std::pair<std::size_t, int>> out;
    for (const auto& s : slots) out.push_back({s.benchmark, s.process});
    return out;
  };
  EXPECT_EQ(order(a), order(same));
  EXPECT_NE(order(a), order(other));
  // Interleaved: the first process of some benchmark comes after a later one of another.
  auto plain = order(shuffled_slots(7, 3, 0));
  EXPECT_FALSE(std::is_sorted(plain.begin(), plain.end()));
}

TEST(Sampling, RepetitionsAreSplitAsEvenlyAsPossible) {
  EXPECT_EQ(split_repetitions(7, 3), (std::vector<int>{3, 2, 2}));
  EXPECT_EQ(split_repetitions(20, 10), std::vector<int>(10, 2));
  EXPECT_EQ(split_repetitions(1, 1), std::vector<int>{1});
}

TEST(Sampling, EntriesCarryTheirProcessAndAggregatesSpanAllProcesses) {
  BenchmarkSamples samples;
  samples.name = "s/c/v";
  samples.identity = {{"suite", "s"}, {"case", "c"}, {"variant", "v"}, {"model", "serial"}};
  samples.planned_processes = 2;
  auto run = [](double t) {
    return nlohmann::json{{"name", "s/c/v"}, {"run_type", "iteration"}, {"real_time", t},
                          {"cpu_time", t},   {"iterations", 10},        {"repetition_index", 0}};
  };
  auto fragment = [&](std::vector<double> times) {
    auto runs = nlohmann::json::array();
    for (double t : times) runs.push_back(run(t));
    runs.push_back({{"name", "s/c/v_mean"}, {"run_type", "aggregate"}, {"real_time", 0}});
    return nlohmann::json{{"status", "ok"}, {"verified", true}, {"checksum", 1.0}, {"runs", runs}};
  };
  samples.processes.push_back({1, fragment({30, 50})});
  samples.processes.push_back({0, fragment({10})});
  auto entries = samples.entries();
  ASSERT_EQ(entries.size(), 3u + 4u);
  EXPECT_EQ(entries[0]["process_index"], 0) << "ordered by process";
  EXPECT_EQ(entries[0]["real_time"], 10);
  EXPECT_EQ(entries[2]["process_index"], 1);
  EXPECT_EQ(entries[2]["repetition_index"], 2);
  EXPECT_EQ(entries[2]["repetitions"], 3);
  EXPECT_EQ(entries[3]["aggregate_name"], "mean");
  EXPECT_DOUBLE_EQ(entries[3]["real_time"].get<double>(), 30);
  EXPECT_DOUBLE_EQ(entries[4]["real_time"].get<double>(), 30);  // median of 10, 30, 50
  EXPECT_DOUBLE_EQ(entries[5]["real_time"].get<double>(), 20);  // stddev
  EXPECT_EQ(samples.status(), "ok");

  samples.processes.push_back({0, {{"status", "crashed"}, {"reason", "killed"}, {"runs", {}}}});
  EXPECT_TRUE(samples.settled());
  auto failed = samples.entries();
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0]["status"], "crashed");
  EXPECT_EQ(failed[0]["reason"], "process 1 of 2: killed");
}

// A variant that counts its runs and adds up how long they took (each sleeps 100 us).
class CountedRuns : public PreparedCase {
 public:
  Verification verify(std::size_t) override {
    Verification ok;
    ok.ok = true;
    return ok;
  }
  void run(std::size_t) override {
    const auto start = std::chrono::steady_clock::now();
    ++runs;
    if (sleeps) std::this_thread::sleep_for(std::chrono::microseconds(100));
    busy += std::chrono::steady_clock::now() - start;
  }
  Throughput throughput() const override { return {}; }

  bool sleeps = false;
  long runs = 0;
  std::chrono::steady_clock::duration busy{};
};

// One repetition of `iterations` through the harness's timed loop; its real time in ns.
double time_one_repetition(CountedRuns& prepared, long iterations, long every) {
  benchmark::RegisterBenchmark(
      "injected", [&](benchmark::State& state) { time_iterations(state, prepared, 0, every); })
      ->Iterations(iterations)
      ->UseRealTime();
  std::ostringstream out, errors;
  benchmark::JSONReporter reporter;
  reporter.SetOutputStream(&out);
  reporter.SetErrorStream(&errors);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::ClearRegisteredBenchmarks();
  const auto run = nlohmann::json::parse(out.str()).at("benchmarks").at(0);
  EXPECT_EQ(run.at("time_unit"), "ns");
  return run.at("real_time").get<double>() * iterations;
}

TEST(InjectedSlowdown, IsOneRunMoreEveryNthWhereTheIterationsAreMany) {
  CountedRuns plain, slowed;
  time_one_repetition(plain, 400, 0);
  time_one_repetition(slowed, 400, 20);
  EXPECT_EQ(plain.runs, 400);
  EXPECT_EQ(slowed.runs, 420);
}

// 39 iterations with one more run in 20 would be x40/39 = x1.026, not x1.05: each run is
// followed by a spin of a twentieth of its own time instead.
TEST(InjectedSlowdown, IsExactWhereTooFewIterationsToRepeatOneInN) {
  CountedRuns slowed;
  slowed.sleeps = true;
  const double elapsed = time_one_repetition(slowed, 39, 20);
  EXPECT_EQ(slowed.runs, 39);
  const double busy = std::chrono::duration<double, std::nano>(slowed.busy).count();
  EXPECT_GE(elapsed, busy * 1.05) << "runs took " << busy << " ns, the repetition " << elapsed;
}

TEST(Profiles, GateSamplesManyProcessesOfTheQuickGrid) {
  const auto& gate = profile_named("gate");
  EXPECT_EQ(gate.grid, "quick");
  EXPECT_GE(gate.processes, 5);
  EXPECT_EQ(profile_named("quick").processes, 1);
  EXPECT_THROW(profile_named("huge"), UsageError);
}

}  // namespace
}  // namespace idiombench

namespace idiombench {
namespace {

// Clock readings of one child, in ns after a spawn at 0 (reaped at `reaped`).
nlohmann::json clock_at(std::int64_t found, std::int64_t first_timed, std::int64_t done) {
  nlohmann::json clock = {{"found_ns", found}, {"done_ns", done}};
  if (first_timed) clock["first_timed_ns"] = first_timed;
  return clock;
}

TEST(OwnCost, AProcessSplitsIntoPhasesThatAddUpToItsLife) {
  const auto cost = process_cost(clock_at(50'000'000, 80'000'000, 180'000'000), 0, 200'000'000);
  EXPECT_NEAR(cost["start_s"].get<double>(), 0.05, 1e-12);
  EXPECT_NEAR(cost["verify_s"].get<double>(), 0.03, 1e-12);
  EXPECT_NEAR(cost["measure_s"].get<double>(), 0.10, 1e-12);
  EXPECT_NEAR(cost["exit_s"].get<double>(), 0.02, 1e-12);
  EXPECT_NEAR(cost["overhead_s"].get<double>(), 0.08, 1e-12);
  double sum = 0;
  for (const char* phase : {"start_s", "verify_s", "measure_s", "exit_s"})
    sum += cost[phase].get<double>();
  EXPECT_NEAR(sum, cost["total_s"].get<double>(), 1e-12);
  // Verification only (verify, a failed variant): no timed repetition, no overhead figure.
  const auto verified = process_cost(clock_at(50'000'000, 0, 90'000'000), 0, 100'000'000);
  EXPECT_FALSE(verified.contains("overhead_s"));
  EXPECT_NEAR(verified["verify_s"].get<double>(), 0.04, 1e-12);
  // No readings (a crash, an older binary): only its life.
  const auto crashed = process_cost(nlohmann::json::object(), 0, 70'000'000);
  EXPECT_EQ(crashed.size(), 1u);
  EXPECT_NEAR(crashed["total_s"].get<double>(), 0.07, 1e-12);
}

TEST(OwnCost, PerProcessFiguresAreByLanguageAndLeaveOutProcessesWithoutReadings) {
  SessionCost session;
  session.planned();
  for (std::int64_t start : {40, 50, 90})
    session.add_process(
        {{"cost",
          process_cost(clock_at(start * 1'000'000, 100'000'000, 150'000'000), 0, 160'000'000)}},
        false, "cpp/" + std::to_string(start));
  session.add_process(
      {{"cost", process_cost(clock_at(60'000'000, 900'000'000, 1'000'000'000), 0, 1'000'000'000)}},
      true, "python");
  session.add_process({{"cost", process_cost({}, 0, 1'300'000'000)}}, false,
                      "old");  // an old binary
  const auto summary = session.summary();
  EXPECT_EQ(summary["processes"], 5);
  EXPECT_EQ(summary["unclocked_processes"], 1);
  const auto& cpp = summary["per_process"]["cpp"];
  EXPECT_EQ(cpp["processes"], 3);
  EXPECT_NEAR(cpp["start_s"]["median"].get<double>(), 0.05, 1e-12);
  EXPECT_NEAR(cpp["start_s"]["max"].get<double>(), 0.09, 1e-12);
  EXPECT_NEAR(cpp["overhead_s"]["median"].get<double>(), 0.10, 1e-12);
  EXPECT_NEAR(summary["per_process"]["python"]["overhead_s"]["median"].get<double>(), 0.9, 1e-12);
  // The old binary's 1.3 s counts as starting in the split, not in the per-process figures.
  EXPECT_GT(summary["process_start_s"].get<double>(), 1.3);
  const auto text = describe_cost(summary);
  EXPECT_NE(text.find("per C++ process"), std::string::npos) << text;
  EXPECT_NE(text.find("per Python process"), std::string::npos) << text;
  // The longest-lived clocked processes, longest first: the Python one (1 s), then the C++
  // ones (0.16 s each); the old binary has no split to show.
  const auto& slowest = summary["slowest"];
  ASSERT_EQ(slowest.size(), 4u);
  EXPECT_EQ(slowest[0]["name"], "python");
  EXPECT_NEAR(slowest[0]["total_s"].get<double>(), 1.0, 1e-12);
  EXPECT_NEAR(slowest[0]["verify_s"].get<double>(), 0.84, 1e-12);
  EXPECT_NE(slowest[1]["name"], "old");
  EXPECT_NE(text.find("longest processes"), std::string::npos) << text;
}

}  // namespace
}  // namespace idiombench

// 64-bit Arm names no CPU in /proc/cpuinfo: the Main ID Register's fields name it.
TEST(CpuIdentity, ArmCoresAreNamedFromTheMainIdRegister) {
  EXPECT_EQ(idiombench::arm_core_name(0x414fd0c1), "Arm Neoverse N1 r4p1");  // Graviton 2, Altra
  EXPECT_EQ(idiombench::arm_core_name(0x411fd401), "Arm Neoverse V1 r1p1");  // Graviton 3
  EXPECT_EQ(idiombench::arm_core_name(0x410fd4f0), "Arm Neoverse V2 r0p0");  // Grace, Graviton 4
  EXPECT_EQ(idiombench::arm_core_name(0x000f0510), "QEMU 'max' CPU r0p0");
  EXPECT_EQ(idiombench::arm_core_name(0x41ff0990), "implementer 0x41 part 0x099 r15p0");
}

// A program whose architecture is not the one /proc/cpuinfo describes runs under emulation
// (qemu-user passes the host's through), and says so; on its own hardware it does not.
TEST(CpuIdentity, EmulationIsToldFromTheKernelsOwnCpuDescription) {
  std::ifstream in("/proc/cpuinfo");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const bool arm_kernel = text.find("CPU implementer") != std::string::npos;
#if defined(__aarch64__)
  const bool foreign = !arm_kernel;
#else
  const bool foreign = arm_kernel;
#endif
  const auto id = idiombench::cpu_identity();
  EXPECT_FALSE(id.model.empty());
  EXPECT_EQ(!id.emulated.empty(), foreign) << id.model << ": " << id.emulated;
}
