#include "plan.hpp"

#include <algorithm>
#include <regex>

#include "profiles.hpp"

namespace idiombench {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

void check_names(const std::vector<std::string>& asked, const std::vector<std::string>& known,
                 const std::string& what) {
  for (const auto& name : asked) {
    if (!contains(known, name)) {
      std::string choices;
      for (const auto& k : known) choices += (choices.empty() ? "" : ", ") + k;
      throw UsageError("unknown " + what + " '" + name + "' (known: " + choices + ")");
    }
  }
}

enum class Points { profile, conformance };

std::vector<PlannedBenchmark> plan(const Selection& selection, Points points) {
  const auto& registry = Registry::instance();
  check_names(selection.suites, registry.suites(), "suite");
  check_names(selection.models, known_models(), "model");
  const auto& grid = profile_named(selection.profile).grid;
  std::vector<std::string> all_variants;
  for (const auto* c : registry.cases()) {
    for (const auto& v : c->variants()) all_variants.push_back(v.name);
  }
  check_names(selection.variants, all_variants, "variant");

  std::regex filter;
  try {
    filter = std::regex(selection.filter.empty() ? std::string(".") : selection.filter);
  } catch (const std::regex_error& e) {
    throw UsageError("bad --filter regex '" + selection.filter + "': " + e.what());
  }

  std::vector<PlannedBenchmark> planned;
  for (const auto* c : registry.cases()) {
    const auto& info = c->info();
    if (!selection.suites.empty() && !contains(selection.suites, info.suite)) continue;
    for (std::size_t v = 0; v < c->variants().size(); ++v) {
      const auto& variant = c->variants()[v];
      if (!selection.variants.empty() && !contains(selection.variants, variant.name)) continue;
      if (!selection.models.empty() && !contains(selection.models, variant.model)) continue;
      auto params_points =
          points == Points::profile
              ? expand_for_model(grid_for(info, grid), variant.model)
              : cross_for_model(info.conformance, info.conformance_axes, variant.model);
      for (const auto& params : params_points) {
        auto name = benchmark_name(info, variant.name, params);
        if (!selection.filter.empty() && !std::regex_search(name, filter)) continue;
        planned.push_back({c, v, params, std::move(name)});
      }
    }
  }
  return planned;
}

}  // namespace

std::string benchmark_name(const CaseInfo& info, const std::string& variant, const Params& params) {
  auto name = info.suite + "/" + info.name + "/" + variant;
  auto knobs = params.to_string();
  return knobs.empty() ? name : name + "/" + knobs;
}

std::vector<PlannedBenchmark> plan_benchmarks(const Selection& selection) {
  return plan(selection, Points::profile);
}

std::vector<PlannedBenchmark> plan_conformance(const Selection& selection) {
  return plan(selection, Points::conformance);
}

}  // namespace idiombench
