#include "plan.hpp"

#include "name_filter.hpp"

#include <algorithm>

#include "idiombench/model.hpp"
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

// Whether some axis of `key` is limited to models that exclude `model`.
bool limited_away_from(const CaseInfo& info, const std::string& key, const std::string& model) {
  for (const auto* grid : {&info.quick, &info.full, &info.conformance_axes}) {
    for (const auto& axis : *grid) {
      if (axis.key == key && !axis.models.empty() && !contains(axis.models, model)) return true;
    }
  }
  return false;
}

std::vector<PlannedBenchmark> plan(const Selection& selection, Points points) {
  const auto& registry = Registry::instance();
  check_names(selection.suites, registry.suites(), "suite");
  std::vector<std::string> models;
  for (const auto& m : declared_models()) models.push_back(m.name);
  check_names(selection.models, models, "model");
  const auto& grid = profile_named(selection.profile).grid;
  std::vector<std::string> all_variants;
  for (const auto* c : registry.cases()) {
    for (const auto& v : c->variants()) all_variants.push_back(v.name);
  }
  check_names(selection.variants, all_variants, "variant");

  const NameFilter filter(selection.filter);

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
        if (!filter.matches(name)) continue;
        planned.push_back({c, v, params, std::move(name)});
      }
    }
  }
  return planned;
}

}  // namespace

std::string PlannedBenchmark::why_skipped() const {
  const auto& variant_info = this->variant_info();
  auto reason = variant_info.why_unavailable();
  if (reason.empty() && variant_info.skipped_at) reason = variant_info.skipped_at(params);
  return reason;
}

std::string benchmark_name(const CaseInfo& info, const std::string& variant, const Params& params) {
  auto name = info.suite + "/" + info.name + "/" + variant;
  auto knobs = params.to_string();
  return knobs.empty() ? name : name + "/" + knobs;
}

Params shared_params(const PlannedBenchmark& benchmark) {
  const auto& info = benchmark.info();
  const auto baseline = benchmark.the_case->variant_index(info.baseline);
  if (!baseline) return benchmark.params;
  const auto& baseline_model = benchmark.the_case->variants()[*baseline].model;
  Params shared;
  for (const auto& [key, value] : benchmark.params.items()) {
    if (!limited_away_from(info, key, baseline_model)) shared.set(key, value);
  }
  return shared;
}

std::vector<PlannedBenchmark> plan_benchmarks(const Selection& selection) {
  return plan(selection, Points::profile);
}

std::vector<PlannedBenchmark> plan_conformance(const Selection& selection) {
  return plan(selection, Points::conformance);
}

}  // namespace idiombench
