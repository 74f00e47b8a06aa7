#include "results/summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace idiombench {
namespace {

double to_ns(double value, const std::string& unit) {
  if (unit == "us") return value * 1e3;
  if (unit == "ms") return value * 1e6;
  if (unit == "s") return value * 1e9;
  return value;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  auto n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The median absolute deviation from the median, as a fraction of it (nanobench's
// err%): how far a typical repetition strays. 0 below two repetitions.
double typical_error(const std::vector<double>& values, double centre) {
  if (values.size() < 2 || centre <= 0) return 0;
  std::vector<double> deviations;
  for (double v : values) deviations.push_back(std::abs(v - centre) / centre);
  return median(deviations);
}

struct Row {
  std::string variant, model, status, reason;  // variant: its name and any extra params
  bool is_baseline = false;
  std::vector<double> samples_ns;  // real time per repetition
};

struct Group {
  std::string title;  // "suite/case  param:value ..."
  std::string baseline;
  std::vector<Row> rows;
};

// "n:1000 k:10" for the params of `entry` that are (inside) or are not in `shared`.
std::string params_text(const nlohmann::json& entry, const nlohmann::json& shared, bool inside) {
  std::string text;
  for (const auto& [key, value] : entry.at("params").items()) {
    if (shared.contains(key) != inside) continue;
    text += fmt::format("{}{}:{}", text.empty() ? "" : " ", key,
                        value.is_string() ? value.get<std::string>() : value.dump());
  }
  return text;
}

std::string case_of(const nlohmann::json& entry) {
  return fmt::format("{}/{}", entry.at("suite").get<std::string>(),
                     entry.at("case").get<std::string>());
}

void print_group(const Group& group, std::ostream& out) {
  std::vector<std::pair<double, const Row*>> timed;
  std::vector<const Row*> untimed;
  double baseline_ns = 0;
  for (const auto& row : group.rows) {
    if (row.samples_ns.empty()) {
      untimed.push_back(&row);
      continue;
    }
    double m = median(row.samples_ns);
    timed.emplace_back(m, &row);
    if (row.is_baseline) baseline_ns = m;
  }
  std::sort(timed.begin(), timed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });

  out << fmt::format("\n{}   (speedup vs {})\n", group.title, group.baseline);
  out << fmt::format("  {:<28} {:<12} {:>12} {:>7} {:>9}  {}\n", "variant", "model", "median",
                     "err%", "speedup", "status");
  for (const auto& [ns, row] : timed) {
    auto speedup = baseline_ns > 0 ? fmt::format("{:.2f}x", baseline_ns / ns) : std::string("-");
    auto error = row->samples_ns.size() > 1
                     ? fmt::format("{:.1f}%", 100 * typical_error(row->samples_ns, ns))
                     : std::string("-");
    out << fmt::format("  {:<28} {:<12} {:>12} {:>7} {:>9}  {}\n", row->variant, row->model,
                       format_duration_ns(ns), error, speedup, row->status);
  }
  for (const auto* row : untimed) {
    out << fmt::format("  {:<28} {:<12} {:>12} {:>7} {:>9}  {}: {}\n", row->variant, row->model,
                       "-", "-", "-", row->status, row->reason);
  }
}

}  // namespace

std::string format_duration_ns(double ns) {
  if (ns < 1e3) return fmt::format("{:.3g} ns", ns);
  if (ns < 1e6) return fmt::format("{:.3g} us", ns / 1e3);
  if (ns < 1e9) return fmt::format("{:.3g} ms", ns / 1e6);
  return fmt::format("{:.3g} s", ns / 1e9);
}

void print_summary(const nlohmann::json& benchmarks, std::ostream& out) {
  // A case's table is keyed by the params each entry shares with the baseline (the
  // harness decided them: plan.hpp's shared_params); the rest go into the variant's label.
  std::vector<Group> groups;
  std::map<std::string, std::size_t> group_index;
  std::map<std::string, std::pair<std::size_t, std::size_t>> row_index;  // run_name -> place
  for (const auto& entry : benchmarks) {
    const auto& keys = entry.contains("shared_params") ? entry["shared_params"] : entry["params"];
    auto shared = params_text(entry, keys, true), extra = params_text(entry, keys, false);
    auto title = shared.empty() ? case_of(entry) : case_of(entry) + "  " + shared;
    auto [g, new_group] = group_index.emplace(title, groups.size());
    if (new_group) groups.push_back({title, entry.at("baseline"), {}});
    auto& group = groups[g->second];
    auto [r, new_row] =
        row_index.emplace(entry.at("run_name"), std::make_pair(g->second, group.rows.size()));
    if (new_row) {
      const std::string variant = entry.at("variant");
      group.rows.push_back({extra.empty() ? variant : variant + " " + extra,
                            entry.at("model"),
                            entry.at("status"),
                            entry.value("reason", ""),
                            variant == entry.at("baseline") && extra.empty(),
                            {}});
    }
    auto& row = groups[r->second.first].rows[r->second.second];
    if (entry.at("status") == "ok" && entry.value("run_type", "") == "iteration") {
      row.samples_ns.push_back(
          to_ns(entry.at("real_time").get<double>(), entry.value("time_unit", "ns")));
    }
  }
  for (const auto& group : groups) print_group(group, out);
}

}  // namespace idiombench
