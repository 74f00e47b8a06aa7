// `idiombench ab BASELINE`: the baseline binary and this one, measured side by side.
// For every benchmark, pairs of processes (one of each binary, in random order within
// the pair), the pairs of all benchmarks shuffled together, so that whatever the machine
// does during the session hits both sides alike. Writes OUT/baseline.json and
// OUT/candidate.json, two ordinary results files marked as one session, for `compare`
// to use paired statistics.
//
// Only benchmarks whose code fingerprint differs are timed, with a few sentinels among
// the unchanged (code_selection.hpp). With --target, pairs are added in rounds to the
// benchmarks whose interval is still too wide (sequential.hpp), within --budget. With
// relinks of each side (--baseline-layout, --candidate-layout), pair k runs layout k mod K.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>

#include "gate/ab_command.hpp"
#include "gate/code_selection.hpp"
#include "gate/sequential.hpp"
#include "gate/variant_fingerprint.hpp"
#include "plan/name_filter.hpp"
#include "results/console_reporter.hpp"
#include "results/json_file_reporter.hpp"
#include "results/results.hpp"
#include "results/sampling_plan.hpp"
#include "run/child.hpp"
#include "run/environment.hpp"
#include "run/isolation.hpp"
#include "run/tool_cost.hpp"

namespace idiombench {
namespace {

namespace fs = std::filesystem;

// The pairs every timed benchmark gets whatever the budget: `compare` tests a row of three
// (three layouts' means, with layouts), so it ends tested or undecided, never untestable.
constexpr int kAlwaysPairs = 3;

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

// The median time of one process's repetitions.
std::optional<double> process_median(const nlohmann::json& fragment) {
  if (fragment.value("status", "") != "ok") return std::nullopt;
  std::vector<double> times;
  for (const auto& run : fragment.value("runs", nlohmann::json::array())) {
    if (run.value("run_type", "") == "iteration" && run.contains("real_time"))
      times.push_back(run["real_time"].get<double>());
  }
  if (times.empty()) return std::nullopt;
  std::sort(times.begin(), times.end());
  const auto n = times.size();
  return n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
}

// The log ratios of a benchmark's complete pairs, with the layout each pair ran.
std::vector<PairRatio> pair_ratios(const BenchmarkSamples& base, const BenchmarkSamples& cand,
                                   int layouts) {
  std::map<int, double> base_times;
  for (const auto& p : base.processes) {
    if (auto t = process_median(p.fragment)) base_times[p.index] = *t;
  }
  std::vector<PairRatio> pairs;
  for (const auto& p : cand.processes) {
    auto t = process_median(p.fragment);
    auto b = base_times.find(p.index);
    if (t && b != base_times.end() && *t > 0 && b->second > 0)
      pairs.push_back({p.index % layouts, std::log(*t / b->second)});
  }
  return pairs;
}

}  // namespace

int ab_command(const RunOptions& options) {
  SessionCost cost;
  const auto baseline = options.baseline;
  if (access(baseline.c_str(), X_OK) != 0 || fs::is_directory(baseline)) {
    throw UsageError("the baseline '" + baseline + "' is not an executable idiombench binary");
  }
  for (const auto* list : {&options.baseline_layouts, &options.candidate_layouts}) {
    for (const auto& path : *list) {
      if (access(path.c_str(), X_OK) != 0 || fs::is_directory(path))
        throw UsageError("the layout '" + path + "' is not an executable idiombench binary");
    }
  }
  if (!options.baseline_layouts.empty() && !options.candidate_layouts.empty() &&
      options.baseline_layouts.size() != options.candidate_layouts.size()) {
    throw UsageError(
        "give as many --baseline-layout as --candidate-layout (pair k runs layout k mod K)");
  }
  const int layouts = static_cast<int>(std::max<std::size_t>(
      {1, options.baseline_layouts.size(), options.candidate_layouts.size()}));
  auto planned = plan_benchmarks(options.selection, Availability::assume_all());
  auto sampling = sampling_for(options);
  const bool sequential = options.target > 0;
  if (sequential && sampling.instructions)
    throw UsageError("--target samples times; instruction counts need no rounds");
  if (options.budget_seconds > 0 && !sequential)
    throw UsageError("--budget goes with --target (a fixed number of pairs has no budget to keep)");
  const auto& profile = profile_named(options.selection.profile);
  // Rounds: every benchmark starts with enough pairs for a first estimate (one per layout
  // at least), then gets more while its interval is too wide.
  const int first_pairs =
      sequential ? std::max({6, layouts, std::min(sampling.processes, 6)}) : sampling.processes;
  const int most_pairs = !sequential             ? sampling.processes
                         : options.max_pairs > 0 ? options.max_pairs
                                                 : 8 * profile.processes;
  if (sequential) {
    sampling.per_process_repetitions = std::max(1, profile.repetitions / profile.processes);
    sampling.processes = most_pairs;
  }
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
  const auto environment = probe_environment(this_executable(), variant_keys(planned));
  print_warnings(environment);
  const auto availability = Availability::from(environment.unavailable);
  planned = plan_benchmarks(options.selection, availability);
  // What the candidate would plan without the selection: a baseline's benchmark of one of
  // these names that the selection did not plan here is not planned there either. (The
  // baseline's listing is of every benchmark; its case's baseline variant gains points for
  // other models' variants, which `--model serial` leaves out here.)
  std::set<std::string> candidate_names;
  {
    Selection everything;
    everything.profile = options.selection.profile;
    for (const auto& benchmark : plan_benchmarks(everything, availability))
      candidate_names.insert(benchmark.name);
  }

  std::vector<BenchmarkSamples> base, cand;
  std::map<std::string, std::size_t> index;
  for (const auto& benchmark : planned) {
    index[benchmark.name] = cand.size();
    cand.push_back(samples_for(benchmark.name, fingerprinted_identity(benchmark),
                               availability.why_skipped(benchmark), sampling));
    base.push_back({});
  }
  for (const auto& item : listing) {
    const std::string name = item.value("name", "");
    if (!index.count(name) && candidate_names.count(name)) continue;
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

  // What changed: only those, and the sentinels, are timed.
  auto present_on = [](const BenchmarkSamples& s) { return !s.name.empty(); };
  auto fingerprint = [&](const BenchmarkSamples& s) {
    return present_on(s) ? s.identity.value("code_fingerprint", "") : std::string();
  };
  std::vector<std::string> base_codes, cand_codes;
  std::vector<bool> runnable;
  for (std::size_t b = 0; b < cand.size(); ++b) {
    base_codes.push_back(fingerprint(base[b]));
    cand_codes.push_back(fingerprint(cand[b]));
    runnable.push_back(present_on(base[b]) && present_on(cand[b]) && base[b].unavailable.empty() &&
                       cand[b].unavailable.empty());
  }
  auto change = select_by_code(base_codes, cand_codes, options.sentinels, sampling.seed, runnable);
  // The harness's code on the timed path (the loop, the case's timed call): where it
  // differs, the benchmark is timed whatever its variant's code.
  std::map<std::string, int> timing_changed;  // model -> benchmarks
  for (std::size_t b = 0; b < cand.size(); ++b) {
    if (!present_on(base[b]) || !present_on(cand[b])) continue;
    const auto was = base[b].identity.value("timing_fingerprint", "");
    const auto now = cand[b].identity.value("timing_fingerprint", "");
    if (was.empty() || now.empty() || was == now) continue;
    change[b] = CodeChange::changed;
    ++timing_changed[cand[b].identity.value("model", "?")];
  }
  if (!timing_changed.empty()) {
    std::string models;
    for (const auto& [model, count] : timing_changed)
      models += (models.empty() ? "" : ", ") + model + " (" + std::to_string(count) + ")";
    std::fprintf(stderr,
                 "idiombench: ab: the harness's timed path changed (timing fingerprint): every "
                 "benchmark it runs is timed, whatever its code: %s\n",
                 models.c_str());
  }
  std::map<std::string, int> change_counts;
  for (std::size_t b = 0; b < cand.size(); ++b) {
    if (options.time_unchanged && change[b] == CodeChange::unchanged)
      change[b] = CodeChange::sentinel;
    ++change_counts[to_string(change[b])];
    for (auto* side : {&base[b], &cand[b]}) {
      if (!present_on(*side)) continue;
      side->identity["code_change"] = to_string(change[b]);
      if (sequential) side->planned_processes = first_pairs;
      if (!timed(change[b]) && side->unavailable.empty()) {
        side->unavailable = "not timed: the same machine code as the baseline (code fingerprint " +
                            cand_codes[b] + ")";
      }
    }
  }

  const auto id = session_id(sampling.seed);
  auto session = [&](const std::string& role) {
    nlohmann::json s{{"session", id},
                     {"role", role},
                     {"pairs", sequential ? most_pairs : sampling.processes},
                     {"baseline_binary", baseline},
                     {"candidate_binary", this_executable()},
                     {"pairing", "process_index"},
                     {"code_selection", change_counts},
                     {"sentinels", options.sentinels},
                     {"layouts",
                      {{"baseline", options.baseline_layouts},
                       {"candidate", options.candidate_layouts},
                       {"count", layouts}}}};
    if (sequential) {
      s["target"] = options.target;
      s["budget_s"] = options.budget_seconds;
      s["first_pairs"] = first_pairs;
      s["most_pairs"] = most_pairs;
    }
    return s;
  };
  const Side base_side{"baseline", &base}, cand_side{"candidate", &cand};
  auto meta = sampling.describe();
  meta["command"] = options.command_line;
  auto with_role = [&](const std::string& role) {
    auto m = meta;
    m["ab"] = session(role);
    return m;
  };
  std::vector<std::unique_ptr<Reporter>> reporters;
  reporters.push_back(std::make_unique<JsonFileReporter>(base_side, base_path, base_context,
                                                         with_role("baseline")));
  reporters.push_back(std::make_unique<JsonFileReporter>(
      cand_side, cand_path, results_context(environment), with_role("candidate")));
  auto console = std::make_unique<ConsoleReporter>(std::vector<Side>{base_side, cand_side}, 0,
                                                   std::vector<std::string>{base_path, cand_path},
                                                   /*summary=*/false, std::cout);
  auto& screen = *console;
  reporters.push_back(std::move(console));
  std::fprintf(stderr,
               "idiombench: ab: %d benchmarks with changed code, %d unknown (a binary without "
               "fingerprints), %d unchanged not timed, %d sentinels; %d layout%s per side\n",
               change_counts["changed"], change_counts["unknown"], change_counts["unchanged"],
               change_counts["sentinel"], layouts, layouts == 1 ? "" : "s");

  std::mt19937_64 coin(sampling.seed ^ 0x9e3779b97f4a7c15ULL);
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  cost.planned();
  auto binary_for = [&](const Side* side, int pair) -> std::string {
    const auto& list = side == &base_side ? options.baseline_layouts : options.candidate_layouts;
    if (!list.empty()) return list[static_cast<std::size_t>(pair) % list.size()];
    return side == &base_side ? baseline : "";
  };
  // open[b]: still sampled; have[b]: pairs planned so far.
  std::vector<bool> open(cand.size());
  std::vector<int> have(cand.size(), 0);
  for (std::size_t b = 0; b < cand.size(); ++b) open[b] = timed(change[b]);
  std::size_t k = 0, planned_slots = 0, first_round_left = 0;
  bool out_of_time = false;
  for (int round = 0; !out_of_time; ++round) {
    std::vector<Slot> slots;
    for (std::size_t b = 0; b < cand.size(); ++b) {
      if (!open[b]) continue;
      const auto& s = present_on(cand[b]) ? cand[b] : base[b];
      for (int p = have[b]; p < s.planned_processes; ++p) slots.push_back({b, p});
      have[b] = s.planned_processes;
    }
    if (slots.empty()) break;
    std::mt19937_64 random(sampling.seed + static_cast<std::uint64_t>(round));
    for (std::size_t i = slots.size(); i > 1; --i) std::swap(slots[i - 1], slots[random() % i]);
    // The budget goes to the benchmarks whose code changed first and to the sentinels last:
    // an undecided changed benchmark holds the gate, a sentinel only checks the method. The
    // first round runs in layers, every benchmark's first pair before any second pair, so
    // that a budget spent inside it leaves every benchmark with about as many pairs.
    auto sentinel = [&](const Slot& slot) {
      return change[slot.benchmark] == CodeChange::sentinel;
    };
    std::stable_sort(slots.begin(), slots.end(), [&](const Slot& a, const Slot& b) {
      if (round == 0 && a.process != b.process) return a.process < b.process;
      return !sentinel(a) && sentinel(b);
    });
    planned_slots += slots.size();
    screen.set_slots(planned_slots);
    for (std::size_t i = 0; i < slots.size(); ++i) {
      const auto& slot = slots[i];
      // A benchmark's first kAlwaysPairs pairs always run: fewer cannot be tested at all.
      if (sequential && options.budget_seconds > 0 && elapsed() > options.budget_seconds &&
          (round > 0 || slot.process >= kAlwaysPairs)) {
        out_of_time = true;
        if (round == 0) first_round_left = slots.size() - i;
        break;
      }
      const std::size_t b = slot.benchmark;
      const int pair = slot.process;
      const Side* sides[2] = {&base_side, &cand_side};
      if (coin() & 1) std::swap(sides[0], sides[1]);
      const auto& name = present_on(cand[b]) ? cand[b].name : base[b].name;
      auto wanted = [&](const Side& side) {
        const auto& s = (*side.benchmarks)[b];
        return present_on(s) && s.wants(pair);
      };
      if (!wanted(base_side) && !wanted(cand_side)) continue;
      auto writing = std::chrono::steady_clock::now();
      for (auto& r : reporters)
        r->before_slot(k, name + "  (pair " + std::to_string(pair + 1) + ")");
      cost.add_writing(writing);
      ++k;
      bool settled = false;
      for (const Side* side : sides) {
        if (!wanted(*side)) continue;
        auto& samples = (*side->benchmarks)[b];
        samples.processes.push_back(
            {pair, run_in_child(sampling.request(samples, pair, binary_for(side, pair)),
                                sampling.timeout)});
        cost.add_process(samples.processes.back().fragment,
                         is_python_variant(samples.identity.value("variant", "")),
                         samples.name + " (" + side->role + ")");
        writing = std::chrono::steady_clock::now();
        for (auto& r : reporters) r->after_process(*side, samples);
        cost.add_writing(writing);
        settled = settled || samples.settled();
      }
      writing = std::chrono::steady_clock::now();
      for (auto& r : reporters) r->after_slot(settled);
      cost.add_writing(writing);
    }
    // Who needs more pairs: the interval's width only, never the ratio.
    for (std::size_t b = 0; b < cand.size(); ++b) {
      if (!open[b]) continue;
      std::string stopped;
      std::optional<double> reach;
      if (!present_on(base[b]) || !present_on(cand[b]) || base[b].settled() || cand[b].settled()) {
        stopped = "not ok on a side";
      } else if (!sequential) {
        stopped = "fixed pairs";
      } else {
        reach = detectable_change(pair_ratios(base[b], cand[b], layouts));
        if (reach && *reach <= options.target)
          stopped = "target reached";
        else if (have[b] >= most_pairs)
          stopped = "most pairs";
        else if (out_of_time)
          stopped = "budget spent";
      }
      if (stopped.empty()) {
        const int next = pairs_wanted(have[b], reach.value_or(4 * options.target), options.target,
                                      layouts, most_pairs);
        for (auto* side : {&base[b], &cand[b]}) side->planned_processes = next;
        continue;
      }
      open[b] = false;
      for (auto* side : {&base[b], &cand[b]}) {
        if (!present_on(*side)) continue;
        side->identity["sampling"] = {{"pairs", static_cast<int>(side->processes.size())},
                                      {"stopped", stopped}};
        if (reach) side->identity["sampling"]["detectable"] = *reach;
        // The entries say how many processes there were, not how many were allowed.
        if (sequential) side->planned_processes = static_cast<int>(side->processes.size());
      }
    }
  }
  if (out_of_time) {
    std::fprintf(stderr,
                 "idiombench: ab: the budget of %.0f s is spent; the benchmarks still short "
                 "of the target say what they can detect\n",
                 options.budget_seconds);
    if (first_round_left > 0) {
      // At the pace so far: what the first round alone would have needed.
      const double per_pair = elapsed() / static_cast<double>(std::max<std::size_t>(k, 1));
      std::fprintf(stderr,
                   "idiombench: ab: the budget ended inside the first round (%d pairs per "
                   "benchmark): %zu of its pairs not run; about %.0f s more would complete it "
                   "(--budget)\n",
                   first_pairs, first_round_left, per_pair * static_cast<double>(first_round_left));
    }
  }
  for (auto& r : reporters) r->finished(cost.summary());
  screen.conclude(reporters);
  return session_exit_status({base_side, cand_side}, reporters);
}

}  // namespace idiombench
