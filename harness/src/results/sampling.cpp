#include "results/sampling.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "results/results.hpp"

namespace idiombench {
namespace {

// Fields of a repetition that are not statistics of it.
bool is_statistic(const std::string& key, const nlohmann::json& value) {
  static const std::vector<std::string> not_statistics = {
      "repetitions",   "repetition_index", "threads",
      "iterations",    "family_index",     "per_family_instance_index",
      "process_index", "processes",        "checksum"};
  return value.is_number() &&
         std::find(not_statistics.begin(), not_statistics.end(), key) == not_statistics.end();
}

double median_of(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  auto n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Google Benchmark's four aggregates, computed over the repetitions of every process
// (each child's own aggregates only saw its share).
nlohmann::json aggregates(const nlohmann::json& runs, const std::string& name) {
  std::map<std::string, std::vector<double>> columns;
  for (const auto& run : runs) {
    for (const auto& [key, value] : run.items()) {
      if (is_statistic(key, value)) columns[key].push_back(value.get<double>());
    }
  }
  const auto& first = runs.at(0);
  auto out = nlohmann::json::array();
  for (const std::string aggregate : {"mean", "median", "stddev", "cv"}) {
    nlohmann::json entry = first;
    entry.erase("repetition_index");
    entry.erase("process_index");
    entry["name"] = name + "_" + aggregate;
    entry["run_type"] = "aggregate";
    entry["aggregate_name"] = aggregate;
    entry["aggregate_unit"] = aggregate == "cv" ? "percentage" : "time";
    entry["iterations"] = runs.size();
    for (const auto& [key, values] : columns) {
      const double n = static_cast<double>(values.size());
      double mean = 0;
      for (double v : values) mean += v / n;
      double squares = 0;
      for (double v : values) squares += (v - mean) * (v - mean);
      const double stddev = values.size() > 1 ? std::sqrt(squares / (n - 1)) : 0.0;
      double figure = mean;
      if (aggregate == "median") figure = median_of(values);
      if (aggregate == "stddev") figure = stddev;
      if (aggregate == "cv") figure = mean != 0 ? stddev / mean : 0.0;
      entry[key] = figure;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

std::vector<Slot> shuffled_slots(std::size_t benchmarks, int processes, std::uint64_t seed) {
  std::vector<Slot> slots;
  for (std::size_t b = 0; b < benchmarks; ++b) {
    for (int p = 0; p < processes; ++p) slots.push_back({b, p});
  }
  std::mt19937_64 random(seed);
  for (std::size_t i = slots.size(); i > 1; --i) {
    std::swap(slots[i - 1], slots[random() % i]);
  }
  return slots;
}

std::uint64_t fresh_seed() {
  std::random_device entropy;
  return (static_cast<std::uint64_t>(entropy()) << 32 | entropy()) & ((1ULL << 53) - 1);
}

bool BenchmarkSamples::settled() const {
  return !unavailable.empty() || status() != "ok";
}

std::string BenchmarkSamples::status() const {
  if (!unavailable.empty()) return "skipped";
  for (const auto& process : processes) {
    std::string status = process.fragment.at("status");
    if (status != "ok" || process.fragment.at("runs").empty())
      return status == "ok" ? "failed" : status;
  }
  return "ok";
}

nlohmann::json BenchmarkSamples::entries() const {
  // An untimed entry says how many repetitions were asked for, as Google Benchmark's do.
  auto untimed = [&](const std::string& status, const std::string& reason) {
    auto entry = untimed_entry(name, identity, status, reason);
    entry["repetitions"] = planned_repetitions;
    return nlohmann::json::array({entry});
  };
  if (!unavailable.empty()) return untimed("skipped", unavailable);
  for (const auto& process : processes) {
    const auto& fragment = process.fragment;
    std::string status = fragment.at("status");
    if (status == "ok" && !fragment.at("runs").empty()) continue;
    std::string reason = fragment.value("reason", "");
    if (status == "ok") status = "failed", reason = "no timed repetition";
    if (planned_processes > 1) {
      reason = "process " + std::to_string(process.index + 1) + " of " +
               std::to_string(planned_processes) + ": " + reason;
    }
    return untimed(status, reason);
  }
  if (processes.empty()) return nlohmann::json::array();

  auto ordered = processes;
  std::sort(ordered.begin(), ordered.end(),
            [](const auto& a, const auto& b) { return a.index < b.index; });
  auto runs = nlohmann::json::array();
  for (const auto& process : ordered) {
    for (auto run : process.fragment.at("runs")) {
      if (run.value("run_type", "") != "iteration") continue;  // the child's own aggregates
      run.update(identity);
      run["status"] = "ok";
      run["reason"] = "";
      run["verified"] = process.fragment.at("verified");
      run["checksum"] = process.fragment.at("checksum");
      run["process_index"] = process.index;
      run["processes"] = planned_processes;
      if (instructions) run["instructions_exact"] = exact;
      runs.push_back(std::move(run));
    }
  }
  for (std::size_t i = 0; i < runs.size(); ++i) {
    runs[i]["repetition_index"] = i;
    runs[i]["repetitions"] = runs.size();
  }
  auto entries = runs;
  for (auto& aggregate : aggregates(runs, name)) entries.push_back(std::move(aggregate));
  return entries;
}

}  // namespace idiombench
