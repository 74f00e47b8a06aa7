// main() for a suite's conformance test binary: one GoogleTest per registered
// (case, variant, conformance size, point of the conformance axes its model takes), next
// to the suite's own contract tests. A
// variant that cannot run here is skipped with its reason.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "idiombench/registry.hpp"

namespace {

std::string test_name(std::string text) {
  for (auto& c : text) {
    if (c == '/' || c == ':' || c == '-' || c == '.') c = '_';
  }
  return text;
}

class ConformanceTest : public testing::Test {
 public:
  ConformanceTest(const idiombench::CaseBase& a_case, std::size_t variant,
                  idiombench::Params params)
      : case_(a_case), variant_(variant), params_(std::move(params)) {}

  void TestBody() override {
    const auto& variant = case_.variants()[variant_];
    if (auto reason = variant.why_unavailable(); !reason.empty()) GTEST_SKIP() << reason;
    auto prepared = case_.prepare(params_);
    auto check = prepared->verify(variant_);
    EXPECT_TRUE(check.ok) << case_.info().suite << "/" << case_.info().name << "/" << variant.name
                          << " at " << params_.to_string() << ": " << check.mismatch;
  }

 private:
  const idiombench::CaseBase& case_;
  std::size_t variant_;
  idiombench::Params params_;
};

// A deliberately wrong variant, registered by a suite's tests only (tests/mutants.cpp):
// proof that the case's checks have teeth.
bool is_mutant(const std::string& variant) {
  return variant.rfind("mutant_", 0) == 0;
}

// A mutant must be rejected at one conformance point at least; one that passes them all
// shows a wrong answer the case cannot tell from a right one.
class MutantTest : public testing::Test {
 public:
  MutantTest(const idiombench::CaseBase& a_case, std::size_t variant)
      : case_(a_case), variant_(variant) {}

  void TestBody() override {
    const auto& info = case_.info();
    const auto& variant = case_.variants()[variant_];
    int rejected = 0;
    for (const auto& params :
         idiombench::cross_for_model(info.conformance, info.conformance_axes, variant.model)) {
      rejected += case_.prepare(params)->verify(variant_).ok ? 0 : 1;
    }
    EXPECT_GT(rejected, 0) << info.suite << "/" << info.name << "/" << variant.name
                           << " passed every conformance point: the checks cannot tell it apart";
  }

 private:
  const idiombench::CaseBase& case_;
  std::size_t variant_;
};

// What every case must declare for its figures and checks to mean anything.
class CaseDeclarationTest : public testing::Test {
 public:
  explicit CaseDeclarationTest(const idiombench::CaseBase& a_case) : case_(a_case) {}

  void TestBody() override {
    const auto& info = case_.info();
    EXPECT_TRUE(case_.variant_index(info.baseline).has_value())
        << "the baseline variant '" << info.baseline << "' is not registered";
    EXPECT_FALSE(info.conformance.empty()) << "no conformance sizes";
    EXPECT_FALSE(idiombench::expand(info.quick).empty()) << "an empty quick grid";
    EXPECT_FALSE(idiombench::expand(info.full).empty()) << "an empty full grid";
    bool has_mutant = false;
    for (const auto& v : case_.variants()) has_mutant |= is_mutant(v.name);
    EXPECT_TRUE(has_mutant) << "no mutant: add a deliberately wrong variant in the suite's "
                               "tests/mutants.cpp, so its conformance is shown to reject one";
    for (const auto& v : case_.variants()) {
      if (v.counterpart.empty()) continue;
      auto other = case_.variant_index(v.counterpart);
      EXPECT_TRUE(other.has_value())
          << v.name << "'s counterpart '" << v.counterpart << "' is not a variant of this case";
      if (other) {
        EXPECT_NE(case_.variants()[*other].model, v.model)
            << v.name << "'s counterpart is in its own model: it should be the other language's";
      }
    }
    for (const auto& problem : idiombench::Registry::instance().problems())
      ADD_FAILURE() << problem;
    expect_profiles_give_every_variant_its_params();
  }

 private:
  // The params every conformance point has are what the case's input needs: a profile
  // whose axes leave one out for some model's variants fails only when measured (cuBLAS
  // gemm once had no `n`, and only a GPU machine found out).
  void expect_profiles_give_every_variant_its_params() const {
    const auto& info = case_.info();
    if (info.conformance.empty()) return;
    std::vector<std::string> needed;
    for (const auto& [key, value] : info.conformance.front().items()) {
      bool everywhere = true;
      for (const auto& point : info.conformance) everywhere = everywhere && point.contains(key);
      if (everywhere) needed.push_back(key);
    }
    for (const auto& variant : case_.variants()) {
      if (is_mutant(variant.name)) continue;
      for (const auto* grid : {&info.quick, &info.full}) {
        for (const auto& point : idiombench::expand_for_model(*grid, variant.model)) {
          for (const auto& key : needed) {
            EXPECT_TRUE(point.contains(key))
                << variant.name << " (" << variant.model << ") is planned at '" << point.to_string()
                << "', without '" << key << "'";
          }
        }
      }
    }
  }

  const idiombench::CaseBase& case_;
};

void register_conformance_tests() {
  for (const auto* a_case : idiombench::Registry::instance().cases()) {
    const auto& info = a_case->info();
    testing::RegisterTest(test_name("Declaration_" + info.suite).c_str(), info.name.c_str(),
                          nullptr, nullptr, __FILE__, __LINE__,
                          [=]() -> testing::Test* { return new CaseDeclarationTest(*a_case); });
    for (std::size_t v = 0; v < a_case->variants().size(); ++v) {
      // Every awkward size at every point of the axes this variant's model takes (threads
      // 1 and 3 for the parallel ones...), as `idiombench verify` checks them.
      const auto& model = a_case->variants()[v].model;
      if (is_mutant(a_case->variants()[v].name)) {
        testing::RegisterTest(test_name("Mutant_" + info.suite + "_" + info.name).c_str(),
                              test_name(a_case->variants()[v].name).c_str(), nullptr, nullptr,
                              __FILE__, __LINE__,
                              [=]() -> testing::Test* { return new MutantTest(*a_case, v); });
        continue;
      }
      for (const auto& params :
           idiombench::cross_for_model(info.conformance, info.conformance_axes, model)) {
        auto suite = test_name("Conformance_" + info.suite + "_" + info.name);
        auto name = test_name(a_case->variants()[v].name + "_" + params.to_string());
        testing::RegisterTest(
            suite.c_str(), name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
            [=]() -> testing::Test* { return new ConformanceTest(*a_case, v, params); });
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  register_conformance_tests();
  return RUN_ALL_TESTS();
}
