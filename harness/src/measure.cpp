#include "measure.hpp"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <regex>
#include <sstream>

#include "idiombench/case.hpp"

namespace idiombench {
namespace {

nlohmann::json failed(std::string reason) {
  return {{"status", "failed"},
          {"reason", std::move(reason)},
          {"verified", false},
          {"checksum", nullptr},
          {"runs", nlohmann::json::array()}};
}

// Google Benchmark appends "/repeats:3/min_time:.../real_time" to names; ours are
// the stable suite/case/variant/params names.
void rename_runs(nlohmann::json& runs, const std::string& name) {
  for (auto& run : runs) {
    run["run_name"] = name;
    bool aggregate = run.value("run_type", "") == "aggregate";
    run["name"] = aggregate ? name + "_" + run.value("aggregate_name", "") : name;
  }
}

// Google Benchmark prints non-finite numbers (a counter's cv when its mean is 0) as
// bare NaN / inf, which is not JSON: they become null.
std::string finite_json(const std::string& text) {
  static const std::regex non_finite(R"((:\s*)-?(nan|NaN|inf|Inf|INF)\b)");
  return std::regex_replace(text, non_finite, "$1null");
}

}  // namespace

nlohmann::json measure(const PlannedBenchmark& benchmark, const MeasureOptions& options) {
  std::unique_ptr<PreparedCase> prepared;
  try {
    prepared = benchmark.the_case->prepare(benchmark.params);
  } catch (...) {
    return failed("building the input or the reference threw " +
                  detail::describe_current_exception());
  }

  const auto variant = benchmark.variant;
  const Verification check = prepared->verify(variant);
  if (!check.ok) return failed(check.mismatch);

  const Throughput work = prepared->throughput();
  std::string timing_error;
  auto body = [&](benchmark::State& state) {
    try {
      for (auto _ : state) prepared->run(variant);
    } catch (...) {
      timing_error = "threw while timed: " + detail::describe_current_exception();
      state.SkipWithError(timing_error.c_str());
      return;
    }
    auto runs = static_cast<double>(state.iterations());
    if (work.items > 0) state.SetItemsProcessed(static_cast<std::int64_t>(work.items * runs));
    if (work.bytes > 0) state.SetBytesProcessed(static_cast<std::int64_t>(work.bytes * runs));
    if (work.flops > 0) {
      state.counters["flops_per_second"] =
          benchmark::Counter(work.flops * runs, benchmark::Counter::kIsRate);
    }
    for (const auto& [counter, value] : check.counters) state.counters[counter] = value;
    state.counters["peak_bytes"] = check.peak_bytes;
  };
  benchmark::RegisterBenchmark(benchmark.name.c_str(), body)
      ->Repetitions(options.repetitions)
      ->MinTime(options.min_time)
      ->UseRealTime();

  std::ostringstream out, errors;
  benchmark::JSONReporter reporter;
  reporter.SetOutputStream(&out);
  reporter.SetErrorStream(&errors);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::ClearRegisteredBenchmarks();
  if (!timing_error.empty()) return failed(timing_error);

  auto report = nlohmann::json::parse(finite_json(out.str()));
  auto runs = report.at("benchmarks");
  rename_runs(runs, benchmark.name);
  return {{"status", "ok"},
          {"reason", ""},
          {"verified", true},
          {"checksum", check.checksum ? nlohmann::json(*check.checksum) : nlohmann::json()},
          {"runs", std::move(runs)}};
}

}  // namespace idiombench
