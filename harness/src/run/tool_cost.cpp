#include "run/tool_cost.hpp"

#include <fmt/format.h>
#include <time.h>

#include <algorithm>

namespace idiombench {
namespace {

double seconds_between(std::int64_t from, std::int64_t to) {
  return static_cast<double>(to - from) * 1e-9;
}

nlohmann::json spread(std::vector<double> values) {
  if (values.empty()) return nullptr;
  std::sort(values.begin(), values.end());
  const auto n = values.size();
  const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  return {{"min", values.front()}, {"median", median}, {"max", values.back()}};
}

}  // namespace

std::int64_t monotonic_ns() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

nlohmann::json process_cost(const nlohmann::json& clock, std::int64_t spawned,
                            std::int64_t reaped) {
  nlohmann::json cost = {{"total_s", seconds_between(spawned, reaped)}};
  auto reading = [&](const char* key) -> std::int64_t {
    return clock.contains(key) && clock[key].is_number_integer() ? clock[key].get<std::int64_t>()
                                                                 : 0;
  };
  const auto found = reading("found_ns"), first = reading("first_timed_ns"),
             done = reading("done_ns");
  if (!found || !done) return cost;
  cost["start_s"] = seconds_between(spawned, found);
  cost["exit_s"] = seconds_between(done, reaped);
  if (first) {
    cost["verify_s"] = seconds_between(found, first);
    cost["measure_s"] = seconds_between(first, done);
    cost["overhead_s"] = seconds_between(spawned, first);
  } else {
    cost["verify_s"] = seconds_between(found, done);
  }
  return cost;
}

bool is_python_variant(const std::string& variant) {
  return variant.rfind("py_", 0) == 0;
}

SessionCost::SessionCost() = default;

void SessionCost::planned() {
  planning_ = wall_seconds();
}

void SessionCost::add_process(const nlohmann::json& fragment, bool python,
                              const std::string& benchmark) {
  const auto cost = fragment.value("cost", nlohmann::json::object());
  if (!cost.contains("start_s")) {
    // Crashed, timed out, or an older binary (ab's baseline) that reads no clock: its
    // whole life counts as starting in the split, and it is left out of the per-process
    // figures, which would otherwise mix two kinds of process.
    unclocked_ += cost.value("total_s", 0.0);
    ++unclocked_processes_;
    return;
  }
  processes_.push_back({benchmark, python, cost.value("start_s", 0.0), cost.value("verify_s", 0.0),
                        cost.value("measure_s", 0.0), cost.value("exit_s", 0.0),
                        cost.value("overhead_s", -1.0)});
}

void SessionCost::add_writing(std::chrono::steady_clock::time_point since) {
  writing_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double SessionCost::wall_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

nlohmann::json SessionCost::summary() const {
  const double wall = wall_seconds();
  double start = unclocked_, verify = 0, measure = 0, exit = 0;
  nlohmann::json per_process = nlohmann::json::object();
  for (const bool python : {false, true}) {
    std::vector<double> starts, overheads;
    for (const auto& p : processes_) {
      if (p.python != python) continue;
      starts.push_back(p.start);
      if (p.overhead >= 0) overheads.push_back(p.overhead);
    }
    if (starts.empty()) continue;
    per_process[python ? "python" : "cpp"] = {{"processes", starts.size()},
                                              {"start_s", spread(starts)},
                                              {"overhead_s", spread(overheads)}};
  }
  for (const auto& p : processes_) {
    start += p.start;
    verify += p.verify;
    measure += p.measure;
    exit += p.exit;
  }
  const double other = wall - planning_ - start - verify - measure - exit - writing_;
  std::vector<const Process*> longest;
  for (const auto& p : processes_) longest.push_back(&p);
  const auto life = [](const Process* p) { return p->start + p->verify + p->measure + p->exit; };
  const auto shown = std::min(kSlowest, longest.size());
  std::partial_sort(longest.begin(), longest.begin() + static_cast<std::ptrdiff_t>(shown),
                    longest.end(), [&](auto* a, auto* b) { return life(a) > life(b); });
  auto slowest = nlohmann::json::array();
  for (std::size_t k = 0; k < shown; ++k)
    slowest.push_back({{"name", longest[k]->benchmark},
                       {"total_s", life(longest[k])},
                       {"verify_s", longest[k]->verify},
                       {"measure_s", longest[k]->measure}});
  return {{"wall_s", wall},
          {"planning_s", planning_},
          {"process_start_s", start},
          {"verification_s", verify},
          {"measuring_s", measure},
          {"process_exit_s", exit},
          {"writing_s", writing_},
          {"other_s", std::max(0.0, other)},
          {"processes", processes_.size() + unclocked_processes_},
          {"unclocked_processes", unclocked_processes_},
          {"per_process", per_process},
          {"slowest", slowest}};
}

std::string describe_cost(const nlohmann::json& s) {
  auto text = fmt::format(
      "own cost: {:.1f} s = planning {:.2f} + process starts {:.1f} + verification {:.1f} + "
      "measuring {:.1f} + process exits {:.1f} + writing {:.2f} + other {:.2f} ({} processes)",
      s.value("wall_s", 0.0), s.value("planning_s", 0.0), s.value("process_start_s", 0.0),
      s.value("verification_s", 0.0), s.value("measuring_s", 0.0), s.value("process_exit_s", 0.0),
      s.value("writing_s", 0.0), s.value("other_s", 0.0), s.value("processes", 0));
  for (const auto& [language, label] : {std::pair{"cpp", "C++"}, std::pair{"python", "Python"}}) {
    const auto per = s.value("per_process", nlohmann::json::object());
    if (!per.contains(language)) continue;
    const auto& figures = per[language];
    const auto& overhead =
        figures["overhead_s"].is_null() ? figures["start_s"] : figures["overhead_s"];
    text += fmt::format(
        "\n  per {} process, start to first timed repetition: median {:.3f} s (min {:.3f}, max "
        "{:.3f}; {} processes), of which starting {:.3f} s",
        label, overhead["median"].get<double>(), overhead["min"].get<double>(),
        overhead["max"].get<double>(), figures["processes"].get<std::size_t>(),
        figures["start_s"]["median"].get<double>());
  }
  const auto slowest = s.value("slowest", nlohmann::json::array());
  if (!slowest.empty()) text += "\n  longest processes:";
  for (const auto& p : slowest)
    text += fmt::format("\n    {:.1f} s  {} (verification {:.1f}, measuring {:.1f})",
                        p.value("total_s", 0.0), p.value("name", ""), p.value("verify_s", 0.0),
                        p.value("measure_s", 0.0));
  return text;
}

}  // namespace idiombench
