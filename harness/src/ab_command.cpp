// `idiombench ab BASELINE`: the baseline binary and this one, measured side by side.
// For every benchmark, K pairs of processes (one of each binary, in random order within
// the pair), the pairs of all benchmarks shuffled together, so that whatever the machine
// does during the session hits both sides alike. Writes OUT/baseline.json and
// OUT/candidate.json, two ordinary results files marked as one session, for `compare`
// to use paired statistics.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>

#include "commands.hpp"
#include "console_reporter.hpp"
#include "environment.hpp"
#include "isolation.hpp"
#include "json_file_reporter.hpp"
#include "name_filter.hpp"
#include "results.hpp"
#include "sampling_plan.hpp"

namespace idiombench {
namespace {

namespace fs = std::filesystem;

// Runs `binary args...` and parses what it prints as JSON; UsageError if it cannot.
nlohmann::json json_from(const std::string& binary, std::vector<std::string> args) {
  args.insert(args.begin(), binary);
  auto outcome = run_isolated(args, 120, /*result_on_stdout=*/true);
  if (outcome.kind != ChildOutcome::Kind::exited || outcome.code != 0) {
    throw UsageError("the baseline '" + binary + "' failed to answer '" + args.at(1) +
                     "': " + outcome.output_tail.substr(0, 300));
  }
  try {
    return nlohmann::json::parse(outcome.result);
  } catch (const nlohmann::json::exception& e) {
    throw UsageError("the baseline '" + binary + "' answered '" + args.at(1) +
                     "' with something that is not JSON: " + e.what());
  }
}

bool allowed(const std::vector<std::string>& list, const std::string& value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

// The baseline's listing entries that the selection picks.
std::vector<nlohmann::json> select_listing(const nlohmann::json& listing,
                                           const Selection& selection) {
  const NameFilter filter(selection.filter);
  std::vector<nlohmann::json> picked;
  for (const auto& item : listing) {
    if (!allowed(selection.suites, item.value("suite", "")) ||
        !allowed(selection.variants, item.value("variant", "")) ||
        !allowed(selection.models, item.value("model", "")) ||
        !filter.matches(item.value("name", ""))) {
      continue;
    }
    picked.push_back(item);
  }
  return picked;
}

// What a listing entry says the benchmark is; binaries older than `list --json`'s
// identity give only names, so the rest is read from the name.
nlohmann::json identity_from_listing(const nlohmann::json& item) {
  if (item.contains("identity")) return item["identity"];
  const std::string name = item.value("name", "");
  auto params = nlohmann::json::object();
  std::size_t at = 0;
  for (int slash = 0; slash < 3 && at != std::string::npos; ++slash) {
    at = name.find('/', at == 0 ? 0 : at + 1);
  }
  while (at != std::string::npos) {
    auto next = name.find('/', at + 1);
    auto knob = name.substr(at + 1, next == std::string::npos ? next : next - at - 1);
    auto colon = knob.find(':');
    if (colon != std::string::npos) {
      auto value = knob.substr(colon + 1);
      bool number = !value.empty() && value.find_first_not_of("-0123456789") == std::string::npos;
      params[knob.substr(0, colon)] =
          number ? nlohmann::json(std::stoll(value)) : nlohmann::json(value);
    }
    at = next;
  }
  return {{"suite", item.value("suite", "")},
          {"case", item.value("case", "")},
          {"variant", item.value("variant", "")},
          {"model", item.value("model", "")},
          {"params", params},
          {"question", "(the baseline build does not describe its cases)"},
          {"baseline", item.value("variant", "")}};
}

std::string session_id(std::uint64_t seed) {
  char text[32];
  std::snprintf(text, sizeof text, "%016llx",
                static_cast<unsigned long long>(std::mt19937_64(seed ^ fresh_seed())()));
  return text;
}

}  // namespace

int ab_command(const RunOptions& options) {
  const auto baseline = options.baseline;
  if (access(baseline.c_str(), X_OK) != 0 || fs::is_directory(baseline)) {
    throw UsageError("the baseline '" + baseline + "' is not an executable idiombench binary");
  }
  auto planned = plan_benchmarks(options.selection);
  const auto sampling = sampling_for(options);
  std::error_code ignored;
  fs::create_directories(options.out, ignored);
  if (!fs::is_directory(options.out)) {
    throw UsageError("--out " + options.out + " is not a folder that can be created");
  }
  const auto base_path = (fs::path(options.out) / "baseline.json").string();
  const auto cand_path = (fs::path(options.out) / "candidate.json").string();
  check_writable(base_path);

  // The benchmarks of either binary that the selection picks: the candidate's first.
  const auto listing = select_listing(
      json_from(baseline, {"list", "--json", "--profile", sampling.grid}), options.selection);
  auto base_context = json_from(baseline, {"info", "--json"});
  const auto environment = probe_environment(this_executable());
  print_warnings(environment);

  std::vector<BenchmarkSamples> base, cand;
  std::map<std::string, std::size_t> index;
  for (const auto& benchmark : planned) {
    index[benchmark.name] = cand.size();
    cand.push_back(
        samples_for(benchmark.name, identity_of(benchmark), benchmark.why_skipped(), sampling));
    base.push_back({});
  }
  for (const auto& item : listing) {
    const std::string name = item.value("name", "");
    auto identity = identity_from_listing(item);
    // A baseline built before shared_params: the candidate's says the same of the same name.
    if (!identity.contains("shared_params")) {
      const bool known = index.count(name) && cand[index[name]].identity.contains("shared_params");
      identity["shared_params"] =
          known ? cand[index[name]].identity["shared_params"] : identity["params"];
    }
    auto samples = samples_for(
        name, identity, item.value("available", true) ? "" : item.value("reason", "?"), sampling);
    if (!index.count(name)) {
      index[name] = cand.size();
      cand.push_back({});
      base.push_back({});
    }
    base[index[name]] = std::move(samples);
  }
  if (index.empty()) throw UsageError("the selection matches no benchmark of either binary");

  const auto id = session_id(sampling.seed);
  auto session = [&](const std::string& role) {
    return nlohmann::json{{"session", id},
                          {"role", role},
                          {"pairs", sampling.processes},
                          {"baseline_binary", baseline},
                          {"candidate_binary", this_executable()},
                          {"pairing", "process_index"}};
  };
  const Side base_side{"baseline", &base}, cand_side{"candidate", &cand};
  auto meta = sampling.describe();
  meta["command"] = options.command_line;
  auto with_role = [&](const std::string& role) {
    auto m = meta;
    m["ab"] = session(role);
    return m;
  };
  const auto slots = shuffled_slots(base.size(), sampling.processes, sampling.seed);
  std::vector<std::unique_ptr<Reporter>> reporters;
  reporters.push_back(std::make_unique<JsonFileReporter>(base_side, base_path, base_context,
                                                         with_role("baseline")));
  reporters.push_back(std::make_unique<JsonFileReporter>(
      cand_side, cand_path, results_context(environment), with_role("candidate")));
  auto console =
      std::make_unique<ConsoleReporter>(std::vector<Side>{base_side, cand_side}, slots.size(),
                                        std::vector<std::string>{base_path, cand_path},
                                        /*summary=*/false, std::cout);
  auto& screen = *console;
  reporters.push_back(std::move(console));

  auto present_on = [](const BenchmarkSamples& s) { return !s.name.empty(); };
  std::mt19937_64 coin(sampling.seed ^ 0x9e3779b97f4a7c15ULL);
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t k = 0; k < slots.size(); ++k) {
    const std::size_t b = slots[k].benchmark;
    const int pair = slots[k].process;
    const Side* sides[2] = {&base_side, &cand_side};
    if (coin() & 1) std::swap(sides[0], sides[1]);
    const auto& name = present_on(cand[b]) ? cand[b].name : base[b].name;
    auto wanted = [&](const Side& side) {
      const auto& s = (*side.benchmarks)[b];
      return present_on(s) && s.wants(pair);
    };
    if (!wanted(base_side) && !wanted(cand_side)) continue;
    for (auto& r : reporters) r->before_slot(k, name + "  (pair " + std::to_string(pair + 1) + ")");
    bool settled = false;
    for (const Side* side : sides) {
      if (!wanted(*side)) continue;
      auto& samples = (*side->benchmarks)[b];
      const std::string binary = side == &base_side ? baseline : "";
      samples.processes.push_back(
          {pair, run_in_child(sampling.request(samples, pair, binary), sampling.timeout)});
      for (auto& r : reporters) r->after_process(*side, samples);
      settled = settled || samples.settled();
    }
    for (auto& r : reporters) r->after_slot(settled);
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (auto& r : reporters) r->finished(wall);
  screen.conclude(reporters);
  return session_exit_status({base_side, cand_side}, reporters);
}

}  // namespace idiombench
