#include "plan/plan.hpp"

#include "plan/name_filter.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "idiombench/model.hpp"
#include "plan/profiles.hpp"

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

// Whether `key` is a param of some axis but of none that applies to `model` (the baseline's):
// then a variant's value of it is its own (threads), not part of the point it shares with
// the baseline. A key with axes for both (n for the host models, another n for the GPU
// ones) is shared.
bool limited_away_from(const CaseInfo& info, const std::string& key, const std::string& model) {
  bool keyed = false;
  for (const auto* grid : {&info.quick, &info.full, &info.conformance_axes}) {
    for (const auto& axis : *grid) {
      if (axis.key != key) continue;
      keyed = true;
      if ((axis.models.empty() || contains(axis.models, model)) &&
          !contains(axis.except_models, model))
        return false;
    }
  }
  return keyed;
}

// The baseline wherever a variant of its case is planned and measured here, so that every
// row of a report says how it compares (the GPU models' sizes, a variant's own extra
// points). Only where the selection planned the baseline at all: a run filtered to one
// model gains no other.
void add_missing_baseline_points(std::vector<PlannedBenchmark>& planned,
                                 const Availability& availability) {
  std::map<const CaseBase*, std::size_t> baseline_of;
  std::map<const CaseBase*, std::vector<Params>> have;
  std::map<const CaseBase*, std::size_t> case_order;
  for (const auto& b : planned) {
    case_order.emplace(b.the_case, case_order.size());
    if (b.variant_info().name != b.info().baseline) continue;
    baseline_of[b.the_case] = b.variant;
    have[b.the_case].push_back(b.params);
  }
  std::vector<PlannedBenchmark> added;
  for (const auto& b : planned) {
    auto baseline = baseline_of.find(b.the_case);
    if (baseline == baseline_of.end() || b.variant == baseline->second) continue;
    if (!availability.why_skipped(b).empty()) continue;  // not measured here: nothing to compare
    Params point = shared_params(b);
    auto& known = have[b.the_case];
    if (std::find(known.begin(), known.end(), point) != known.end()) continue;
    known.push_back(point);
    added.push_back(
        {b.the_case, baseline->second, point, benchmark_name(b.info(), b.info().baseline, point)});
  }
  if (added.empty()) return;
  planned.insert(planned.end(), added.begin(), added.end());
  // Each added point beside its case's other baseline points.
  std::stable_sort(planned.begin(), planned.end(), [&](const auto& a, const auto& b) {
    return std::pair(case_order[a.the_case], a.variant) <
           std::pair(case_order[b.the_case], b.variant);
  });
}

std::vector<PlannedBenchmark> plan(const Selection& selection, Points points,
                                   const Availability& availability) {
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
  if (points == Points::profile) add_missing_baseline_points(planned, availability);
  return planned;
}

}  // namespace

std::string variant_key(const CaseInfo& info, const std::string& variant) {
  return info.suite + "/" + info.name + "/" + variant;
}

std::string PlannedBenchmark::variant_key() const {
  return idiombench::variant_key(info(), variant_info().name);
}

Availability Availability::assume_all() {
  return {};
}

Availability Availability::asked_here() {
  Availability here;
  here.source_ = Source::here;
  return here;
}

Availability Availability::from(std::map<std::string, std::string> unavailable) {
  Availability given;
  given.source_ = Source::given;
  given.reasons_ = std::move(unavailable);
  return given;
}

std::string Availability::why_unavailable(const PlannedBenchmark& benchmark) const {
  if (source_ == Source::assumed) return "";
  auto key = benchmark.variant_key();
  auto found = reasons_.find(key);
  if (found != reasons_.end()) return found->second;
  if (source_ == Source::given) return "";
  return reasons_.emplace(std::move(key), benchmark.variant_info().why_unavailable()).first->second;
}

std::string Availability::why_skipped(const PlannedBenchmark& benchmark) const {
  auto reason = why_unavailable(benchmark);
  const auto& skipped_at = benchmark.variant_info().skipped_at;
  if (reason.empty() && skipped_at) reason = skipped_at(benchmark.params);
  return reason;
}

std::vector<std::string> variant_keys(const std::vector<PlannedBenchmark>& planned) {
  std::vector<std::string> keys;
  std::set<std::string> seen;
  for (const auto& benchmark : planned) {
    auto key = benchmark.variant_key();
    if (seen.insert(key).second) keys.push_back(std::move(key));
  }
  return keys;
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

std::vector<PlannedBenchmark> plan_benchmarks(const Selection& selection,
                                              const Availability& availability) {
  return plan(selection, Points::profile, availability);
}

std::vector<PlannedBenchmark> plan_conformance(const Selection& selection) {
  return plan(selection, Points::conformance, Availability::assume_all());
}

}  // namespace idiombench
