#include "run/measure.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>

#include "build_info.hpp"
#include "idiombench/case.hpp"
#include "run/instructions.hpp"
#include "run/tool_cost.hpp"

namespace idiombench {
// ci/gate-experiment.sh's real slowdown: a build configured with
// IDIOMBENCH_INJECT_SLOWDOWN="REGEX:EVERY" runs the variants of the matching benchmarks
// once more every EVERY-th iteration. 0 (never) in every other build.
long injected_every(const std::string& name) {
  const std::string spec = build_info::injected_slowdown;
  auto colon = spec.rfind(':');
  if (spec.empty() || colon == std::string::npos) return 0;
  if (!std::regex_search(name, std::regex(spec.substr(0, colon)))) return 0;
  return std::stol(spec.substr(colon + 1));
}

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

nlohmann::json counted_run(const std::string& name, PreparedCase& prepared, std::size_t variant,
                           const Verification& check, int iterations) {
  // Under callgrind the parent reads the count from its output file; otherwise this
  // process reads a hardware counter itself.
  const bool callgrind = running_under_valgrind();
  std::optional<HardwareInstructions> hardware;
  if (!callgrind) {
    hardware.emplace();
    if (!hardware->usable()) {
      return failed("instruction mode: no hardware instruction counter, and not under callgrind");
    }
  }
  prepared.run(variant);  // warm-up: first-touch and lazy initialisation do not count
  const long every = injected_every(name);
  const auto first_counted = monotonic_ns();
  const auto start = std::chrono::steady_clock::now();
  if (callgrind) {
    start_counting();
  } else {
    hardware->start();
  }
  for (int i = 1; i <= iterations; ++i) {
    prepared.run(variant);
    if (every > 0 && i % every == 0) prepared.run(variant);
  }
  std::optional<double> counted;
  if (callgrind) {
    stop_counting();
  } else {
    counted = hardware->stop();
    if (!counted) return failed("instruction mode: the hardware counter could not be read");
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  nlohmann::json run = {{"name", name},
                        {"run_name", name},
                        {"run_type", "iteration"},
                        {"repetitions", 1},
                        {"repetition_index", 0},
                        {"threads", 1},
                        {"iterations", iterations},
                        {"real_time", seconds * 1e9 / iterations},
                        {"cpu_time", seconds * 1e9 / iterations},
                        {"time_unit", "ns"},
                        {"peak_bytes", check.peak_bytes}};
  if (counted) run["instructions"] = *counted / iterations;
  for (const auto& [counter, value] : check.counters) run[counter] = value;
  return {{"status", "ok"},
          {"reason", ""},
          {"verified", true},
          {"checksum", check.checksum ? nlohmann::json(*check.checksum) : nlohmann::json()},
          {"runs", nlohmann::json::array({run})},
          {"clock", {{"first_timed_ns", first_counted}}}};
}

}  // namespace

// Repeating every EVERY-th call adds floor(N/EVERY) calls to a repetition's N: short of
// 1/EVERY by up to 1/N. Below this many EVERYs of iterations that is more than a twentieth
// of the slowdown asked for (py_numpy at n 10^6 runs a few dozen iterations of ~0.5 ms in
// the gate profile's 10 ms repetitions: from 20 to 39, one extra call, x1.05 down to x1.026),
// so there each call is followed instead by a spin of 1/EVERY of its own time, exact whatever N.
constexpr long whole_repeats_from = 20;

void time_iterations(benchmark::State& state, PreparedCase& prepared, std::size_t variant,
                     long every) {
  if (every == 0) {
    for (auto _ : state) prepared.run(variant);
  } else if (state.max_iterations >= whole_repeats_from * every) {
    long count = 0;
    for (auto _ : state) {
      prepared.run(variant);
      if (++count % every == 0) prepared.run(variant);
    }
  } else {  // too few iterations to repeat one in EVERY exactly: spin 1/EVERY of each one
    using Clock = std::chrono::steady_clock;
    for (auto _ : state) {
      auto start = Clock::now();
      prepared.run(variant);
      auto end = Clock::now();
      while (Clock::now() < end + (end - start) / every) {
      }
    }
  }
}

const void* timing_loop_entry() {
  return reinterpret_cast<const void*>(&time_iterations);
}

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
  if (options.instructions) {
    return counted_run(benchmark.name, *prepared, variant, check, options.iterations);
  }

  const Throughput work = prepared->throughput();
  std::string timing_error;
  const long every = injected_every(benchmark.name);
  std::int64_t first_timed = 0;  // the first call of the timed body (the tool's cost ends)
  auto body = [&](benchmark::State& state) {
    if (!first_timed) first_timed = monotonic_ns();
    try {
      time_iterations(state, *prepared, variant, every);
    } catch (...) {
      timing_error = "threw while timed: " + detail::describe_current_exception();
      state.SkipWithError(timing_error.c_str());
      return;
    }
    auto runs = static_cast<double>(state.iterations());
    if (work.items > 0) state.SetItemsProcessed(static_cast<std::int64_t>(work.items * runs));
    if (work.bytes() > 0) state.SetBytesProcessed(static_cast<std::int64_t>(work.bytes() * runs));
    auto rate = [&](const char* counter, double per_run) {
      if (per_run > 0)
        state.counters[counter] = benchmark::Counter(per_run * runs, benchmark::Counter::kIsRate);
    };
    rate("bytes_read_per_second", work.bytes_read);
    rate("bytes_written_per_second", work.bytes_written);
    rate("flops_per_second", work.flops);
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
          {"runs", std::move(runs)},
          {"clock", {{"first_timed_ns", first_timed}}}};
}

}  // namespace idiombench
