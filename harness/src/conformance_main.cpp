// main() for a suite's conformance test binary: one GoogleTest per registered
// (case, variant, conformance size, point of the conformance axes its model takes), next
// to the suite's own contract tests. A
// variant that cannot run here is skipped with its reason.
#include <gtest/gtest.h>

#include <string>

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
    for (const auto& problem : idiombench::Registry::instance().problems())
      ADD_FAILURE() << problem;
  }

 private:
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
