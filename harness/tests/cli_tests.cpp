// End-to-end tests of the real command line, driven through `idiombench-selftest`
// (the idiombench CLI plus a suite of misbehaving variants): isolation of crashes
// and hangs, statuses in the results, usage errors, atomic results under SIGKILL and
// a full disk.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "build_info.hpp"
#include "results/results.hpp"
#include "run/cpu_identity.hpp"
#include "run/instructions.hpp"
#include "run/isolation.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define IDIOMBENCH_TESTS_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IDIOMBENCH_TESTS_UNDER_ASAN 1
#endif
#endif
#ifndef IDIOMBENCH_TESTS_UNDER_ASAN
#define IDIOMBENCH_TESTS_UNDER_ASAN 0
#endif

namespace idiombench {
namespace {

namespace fs = std::filesystem;

struct Result {
  int exit_code;
  std::string output;  // stdout and stderr together
};

Result selftest(std::vector<std::string> args, double timeout = 60) {
  args.insert(args.begin(), IDIOMBENCH_SELFTEST_BINARY);
  auto outcome = run_isolated(args, timeout);
  EXPECT_EQ(outcome.kind, ChildOutcome::Kind::exited) << outcome.output_tail;
  return {outcome.code, outcome.output_tail};
}

class TempDir {
 public:
  TempDir() {
    auto pattern = (fs::temp_directory_path() / "idiombench-test.XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string file(const std::string& name) const { return (fs::path(path_) / name).string(); }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(path_)) out.push_back(entry.path().filename());
    return out;
  }

 private:
  std::string path_;
};

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The timed entries ("benchmarks"), then the untimed ones.
nlohmann::json every_entry(const nlohmann::json& results) {
  auto all = results.at("benchmarks");
  for (const auto& entry : results.value("untimed", nlohmann::json::array())) all.push_back(entry);
  return all;
}

// The status of each variant's first entry.
std::map<std::string, nlohmann::json> by_variant(const nlohmann::json& results) {
  std::map<std::string, nlohmann::json> out;
  for (const auto& entry : every_entry(results)) out.emplace(entry.at("variant"), entry);
  return out;
}

TEST(Cli, CrashesAndHangsAreRecordedAndTheRunGoesOn) {
  TempDir dir;
  auto out = dir.file("results.json");
  auto run =
      selftest({"run", "--timeout", "2", "--repetitions", "2", "--min-time", "0.01", "--out", out});
  EXPECT_EQ(run.exit_code, 1) << "a failed, crashed or hung benchmark makes the run fail\n"
                              << run.output;
  auto results = read_json(out);
  EXPECT_TRUE(results["context"]["idiombench"]["complete"]);
  auto variants = by_variant(results);

  EXPECT_EQ(variants["correct"]["status"], "ok");
  EXPECT_TRUE(variants["correct"]["verified"]);
  EXPECT_EQ(variants["correct"]["checksum"], 500500.0);
  EXPECT_EQ(variants["wrong"]["status"], "failed");
  EXPECT_NE(variants["wrong"]["reason"].get<std::string>().find("wrong answer"), std::string::npos);
  EXPECT_EQ(variants["wrong"]["iterations"], 0) << "a wrong answer is never timed";
  EXPECT_EQ(variants["crash"]["status"], "crashed");
#if IDIOMBENCH_TESTS_UNDER_ASAN
  // AddressSanitizer catches the SIGSEGV itself, reports it and aborts.
  EXPECT_NE(variants["crash"]["reason"].get<std::string>().find("killed by"), std::string::npos);
#else
  EXPECT_NE(variants["crash"]["reason"].get<std::string>().find("SIGSEGV"), std::string::npos);
#endif
  EXPECT_EQ(variants["exits"]["status"], "crashed");
  EXPECT_NE(variants["exits"]["reason"].get<std::string>().find("status 7"), std::string::npos);
  EXPECT_EQ(variants["hang"]["status"], "timeout");
  EXPECT_NE(variants["hang"]["reason"].get<std::string>().find("2 s"), std::string::npos);
  EXPECT_EQ(variants["throws"]["status"], "failed");
  EXPECT_NE(variants["throws"]["reason"].get<std::string>().find("selftest failure"),
            std::string::npos);
  EXPECT_EQ(variants["unavailable"]["status"], "skipped");
  EXPECT_EQ(variants["unavailable"]["reason"], "no such device");
  // Benchmarks after the crash and the hang were still measured.
  EXPECT_EQ(variants["counting"]["status"], "ok");
  EXPECT_EQ(variants["counting"]["elements_seen"], 1000.0);
}

TEST(Cli, AVariantThatAllocatesWithoutBoundStopsAtTheMemoryLimit) {
  if (IDIOMBENCH_TESTS_UNDER_ASAN) GTEST_SKIP() << "AddressSanitizer's shadow memory counts";
  TempDir dir;
  auto out = dir.file("results.json");
  auto run = selftest({"run", "--variant", "hog", "--variant", "correct", "--memory-limit", "256",
                       "--repetitions", "1", "--min-time", "0.01", "--out", out});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  auto results = read_json(out);
  auto variants = by_variant(results);
  EXPECT_EQ(variants["hog"]["status"], "crashed");
  EXPECT_NE(variants["hog"]["reason"].get<std::string>().find("out of memory"), std::string::npos)
      << variants["hog"]["reason"];
  EXPECT_NE(variants["hog"]["reason"].get<std::string>().find("256 MiB"), std::string::npos);
  EXPECT_EQ(variants["correct"]["status"], "ok") << "the run went on within the same limit";
  EXPECT_EQ(results["context"]["idiombench"]["memory_limit_mib"], 256);
}

// The processes whose command line mentions `text`, zombies aside.
std::vector<std::string> live_processes_mentioning(const std::string& text) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const auto pid = entry.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string status = read_text(entry.path() / "stat");
    auto state = status.rfind(')');
    if (state == std::string::npos || status.substr(state + 2, 1) == "Z") continue;
    std::string command = read_text(entry.path() / "cmdline");
    std::replace(command.begin(), command.end(), '\0', ' ');
    if (command.find(text) != std::string::npos) found.push_back(pid + ": " + command);
  }
  return found;
}

TEST(Cli, ATimedOutBenchmarkTakesTheProcessesItStartedWithIt) {
  TempDir dir;
  auto out = dir.file("results.json");
  auto run = selftest({"run", "--variant", "forks_and_hangs", "--variant", "closes_stdout",
                       "--timeout", "2", "--repetitions", "1", "--min-time", "0.01", "--out", out});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  auto variants = by_variant(read_json(out));
  EXPECT_EQ(variants["forks_and_hangs"]["status"], "timeout");
  EXPECT_EQ(variants["closes_stdout"]["status"], "ok") << "results do not travel on stdout";
  // Killed with its process group; reaped by init a moment later.
  auto left = live_processes_mentioning("forks_and_hangs");
  for (int i = 0; i < 50 && !left.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    left = live_processes_mentioning("forks_and_hangs");
  }
  EXPECT_TRUE(left.empty()) << left.front();
}

TEST(Cli, KeepsEveryRepetitionAndGoogleBenchmarkAggregates) {
  TempDir dir;
  auto out = dir.file("results.json");
  auto run = selftest(
      {"run", "--variant", "correct", "--repetitions", "4", "--min-time", "0.01", "--out", out});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  auto results = read_json(out);
  int iterations = 0;
  std::vector<std::string> aggregates;
  for (const auto& entry : results["benchmarks"]) {
    EXPECT_EQ(entry["run_name"], "selftest/sum/correct/n:1000");
    if (entry["run_type"] == "iteration") {
      EXPECT_EQ(entry["repetition_index"], iterations);
      ++iterations;
      EXPECT_GT(entry["real_time"].get<double>(), 0);
      EXPECT_GT(entry["items_per_second"].get<double>(), 0);
    } else {
      aggregates.push_back(entry["aggregate_name"]);
      EXPECT_EQ(entry["name"],
                "selftest/sum/correct/n:1000_" + entry["aggregate_name"].get<std::string>());
    }
  }
  EXPECT_EQ(iterations, 4);
  EXPECT_EQ(aggregates, (std::vector<std::string>{"mean", "median", "stddev", "cv"}));
}

// A fleet's nodes of one hardware type are told apart by the label their run was given.
TEST(Cli, TheMachineLabelIsRecordedAndAControlCharacterRefused) {
  TempDir dir;
  auto out = dir.file("results.json");
  auto run = selftest({"run", "--variant", "correct", "--repetitions", "2", "--min-time", "0.01",
                       "--machine-label", "cpu-a/node-2", "--out", out});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(read_json(out)["context"]["idiombench"]["machine"]["label"], "cpu-a/node-2");
  for (const auto& bad : std::vector<std::string>{"", "a\nb", std::string(65, 'x')}) {
    auto refused = selftest(
        {"run", "--variant", "correct", "--machine-label", bad, "--out", dir.file("refused.json")});
    EXPECT_EQ(refused.exit_code, 2) << bad;
    EXPECT_NE(refused.output.find("--machine-label"), std::string::npos) << refused.output;
  }
  EXPECT_FALSE(fs::exists(dir.file("refused.json")));
}

// Under OMP_PROC_BIND libgomp binds the runner to one CPU as it loads; the children must
// still get every CPU the runner was started with, or all their threads share one core.
TEST(Cli, ChildrenGetTheCpusTheRunnerWasStartedWith) {
  cpu_set_t mine;
  ASSERT_EQ(sched_getaffinity(0, sizeof mine, &mine), 0);
  if (CPU_COUNT(&mine) < 2) GTEST_SKIP() << "one CPU: nothing to narrow";
  TempDir dir;
  auto out = dir.file("results.json");
  ::setenv("OMP_PROC_BIND", "close", 1);
  ::setenv("OMP_PLACES", "threads", 1);
  auto run = selftest(
      {"run", "--variant", "counting", "--repetitions", "1", "--min-time", "0.001", "--out", out});
  ::unsetenv("OMP_PROC_BIND");
  ::unsetenv("OMP_PLACES");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto entry = read_json(out).at("benchmarks").at(0);
  EXPECT_EQ(entry.at("openmp_places").get<double>(), CPU_COUNT(&mine)) << entry.dump();
}

// A backend's probe can start threads that spin (an OpenMP pool) or hold a device: the
// runner probes in a child of its own, and what the probe prints cannot spoil the JSON.
TEST(Cli, BackendsAreProbedInAProcessOfTheirOwn) {
  auto outcome = run_isolated({IDIOMBENCH_SELFTEST_BINARY, "info", "--json"}, 60, true);
  ASSERT_EQ(outcome.kind, ChildOutcome::Kind::exited);
  ASSERT_EQ(outcome.code, 0) << outcome.output_tail;
  const auto backend =
      nlohmann::json::parse(outcome.result).at("idiombench").at("backends").at("imaginary_device");
  EXPECT_EQ(backend.at("reason"), "no such device");
  // In-process, the probe's parent would be this test; isolated, it is `info`.
  EXPECT_NE(backend.at("probed_by"), std::to_string(getpid()));

  auto probe = run_isolated({IDIOMBENCH_SELFTEST_BINARY, "_backends"}, 60);
  ASSERT_EQ(probe.code, 0) << probe.output_tail;
  const auto probed = nlohmann::json::parse(probe.result);
  EXPECT_TRUE(probed.at("warnings").is_array());
  EXPECT_EQ(probed.at("backends").at("imaginary_device").at("probed_by"), std::to_string(getpid()));
  EXPECT_NE(probe.output_tail.find("imaginary_device: probing"), std::string::npos);
}

TEST(Cli, VersionIsTheVersionFileAndTheBuiltCommit) {
  auto run = selftest({"--version"});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  std::ifstream in(std::string(build_info::source_dir) + "/VERSION");
  std::string version;
  std::getline(in, version);
  ASSERT_FALSE(version.empty());
  EXPECT_EQ(run.output.rfind("idiombench " + version + " (git ", 0), 0u) << run.output;
  if (fs::exists(fs::path(build_info::source_dir) / ".git")) {
    EXPECT_EQ(run.output.find("unknown"), std::string::npos) << "built inside a git checkout";
  }
}

TEST(Cli, UsageErrorsExitTwoWithOneLine) {
  TempDir dir;
  const std::vector<std::vector<std::string>> bad = {
      {"run", "--suite", "nosuch", "--out", dir.file("r.json")},
      {"list", "--model", "quantum"},
      {"verify", "--variant", "nosuch"},
      {"run", "--filter", "(", "--out", dir.file("r.json")},
      {"run", "--out", "/nonexistent-folder/results.json"},
      {"run", "--profile", "huge"},
      {"frobnicate"},
  };
  for (const auto& args : bad) {
    auto result = selftest(args);
    EXPECT_EQ(result.exit_code, 2) << args[0] << " " << args[1] << "\n" << result.output;
    EXPECT_EQ(std::count(result.output.begin(), result.output.end(), '\n'), 1) << result.output;
    EXPECT_EQ(result.output.rfind("idiombench: error: ", 0), 0u) << result.output;
  }
  EXPECT_TRUE(dir.names().empty()) << "nothing written on a usage error";
}

// What a hostile or careless user types: each one clean exit 2, one short line, at once,
// before any benchmark runs, and nothing written (a device node least of all).
TEST(Cli, HostileCommandLinesExitTwoWithOneShortLineBeforeAnyWork) {
  TempDir dir;
  const std::string out = dir.file("r.json");
  const std::string nested = std::string(50000, '(') + std::string(50000, ')');
  const std::vector<std::vector<std::string>> hostile = {
      {"list", "--filter", nested},
      {"run", "--filter", std::string(100000, 'x'), "--out", out},
      {"list", "--filter", "a{1000}{1000}{1000}"},
      {"run", "--timeout", "nan", "--out", out},
      {"run", "--min-time", "nan", "--out", out},
      {"run", "--timeout", "1e999", "--out", out},
      {"run", "--repetitions", "-5", "--out", out},
      {"run", "--seed", std::string(300, '9'), "--out", out},
      {"run", "--out", ""},
      {"run", "--out", "/dev/null"},
      {"run", "--suite", "caf\xc3", "--out", out},
      {"run", "--out", "r\xff.json"},
      {"_child", "--name", "x", "--repetitions", "-5"},
      {"frobnicate", "--fast"},
  };
  for (const auto& args : hostile) {
    const auto started = std::chrono::steady_clock::now();
    auto result = selftest(args, 20);
    const auto took = std::chrono::steady_clock::now() - started;
    const std::string what = args[0] + " " + (args.size() > 1 ? args[1] : "");
    EXPECT_EQ(result.exit_code, 2) << what << "\n" << result.output;
    EXPECT_EQ(std::count(result.output.begin(), result.output.end(), '\n'), 1) << what << "\n"
                                                                               << result.output;
    EXPECT_LT(result.output.size(), 260u) << what << ": the argument echoed whole";
    EXPECT_LT(took, std::chrono::seconds(10)) << what << ": refused only after working";
  }
  EXPECT_TRUE(dir.names().empty()) << "nothing written";
  struct stat null_device {};
  ASSERT_EQ(::stat("/dev/null", &null_device), 0);
  EXPECT_TRUE(S_ISCHR(null_device.st_mode)) << "/dev/null was replaced";
  // A pattern that backtracks catastrophically in std::regex is linear in RE2.
  auto slow_pattern = selftest({"list", "--filter", "^(.|.|.)*Z$"}, 20);
  EXPECT_EQ(slow_pattern.exit_code, 0) << slow_pattern.output;
}

TEST(Cli, VerifyListsEachMismatchAndExitsOne) {
  auto good = selftest({"verify", "--variant", "correct", "--variant", "counting"});
  EXPECT_EQ(good.exit_code, 0) << good.output;
  EXPECT_NE(good.output.find("6 passed, 0 failed"), std::string::npos) << good.output;

  auto bad = selftest({"verify", "--variant", "wrong", "--variant", "crash", "--timeout", "5"});
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_NE(bad.output.find("selftest/sum/wrong/n:17: failed: wrong answer: got 154, expected 153"),
            std::string::npos)
      << bad.output;
  EXPECT_NE(bad.output.find("selftest/sum/crash/n:0: crashed"), std::string::npos) << bad.output;
}

TEST(Cli, ListJsonNamesEveryBenchmarkWithItsAvailability) {
  auto listed = run_isolated({IDIOMBENCH_SELFTEST_BINARY, "list", "--json"}, 60, true);
  ASSERT_EQ(listed.code, 0);
  auto items = nlohmann::json::parse(listed.result);
  ASSERT_EQ(items.size(), 13u);
  for (const auto& item : items) {
    EXPECT_EQ(item["suite"], "selftest");
    EXPECT_EQ(item["available"], item["variant"] != "unavailable") << item.dump();
    EXPECT_EQ(item["identity"]["params"]["n"], 1000) << "ab builds a baseline's entries from it";
    EXPECT_EQ(item["identity"]["baseline"], "correct");
  }
}

TEST(Cli, AVariantSkippedAtSomeParamsIsMeasuredAtTheOthers) {
  TempDir dir;
  auto out = dir.file("results.json");
  auto run = selftest({"run", "--profile", "full", "--filter", "small_only", "--repetitions", "1",
                       "--min-time", "0.01", "--out", out});
  EXPECT_EQ(run.exit_code, 0) << run.output;
  std::map<std::string, nlohmann::json> by_name;
  const auto results = read_json(out);
  for (const auto& entry : every_entry(results)) {
    by_name[entry["run_name"].get<std::string>()] = entry;
  }
  ASSERT_TRUE(by_name.contains("selftest/sum/small_only/n:1000")) << run.output;
  EXPECT_EQ(by_name["selftest/sum/small_only/n:1000"]["status"], "ok");
  ASSERT_TRUE(by_name.contains("selftest/sum/small_only/n:100000")) << run.output;
  EXPECT_EQ(by_name["selftest/sum/small_only/n:100000"]["status"], "skipped");
  EXPECT_EQ(by_name["selftest/sum/small_only/n:100000"]["reason"], "too slow above n 10000");
  // Google Benchmark's way to say skipped, and only figures among the benchmarks.
  EXPECT_EQ(by_name["selftest/sum/small_only/n:100000"]["skipped"], true);
  EXPECT_EQ(by_name["selftest/sum/small_only/n:100000"]["skip_message"], "too slow above n 10000");
  EXPECT_FALSE(by_name["selftest/sum/small_only/n:100000"].contains("error_occurred"));
  EXPECT_EQ(by_name["selftest/sum/small_only/n:100000"]["repetitions"],
            results["context"]["idiombench"]["repetitions"])
      << "the repetitions asked for, not 0";
  EXPECT_GT(results["context"]["idiombench"]["repetitions"].get<int>(), 0);
  for (const auto& entry : results.at("benchmarks")) {
    EXPECT_EQ(entry.at("status"), "ok") << entry.dump();
    EXPECT_GT(entry.at("real_time").get<double>(), 0) << entry.dump();
  }
  ASSERT_EQ(results.at("untimed").size(), 1u);
  // Its conformance points are never skipped this way.
  auto verify = selftest({"verify", "--filter", "small_only"});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_NE(verify.output.find("0 skipped"), std::string::npos) << verify.output;
}

// The repetitions of one process for each process_index of `name`'s iteration entries.
std::map<int, int> repetitions_per_process(const nlohmann::json& results, const std::string& name) {
  std::map<int, int> out;
  for (const auto& entry : results.at("benchmarks")) {
    if (entry.at("run_name") == name && entry.at("run_type") == "iteration") {
      ++out[entry.at("process_index").get<int>()];
    }
  }
  return out;
}

TEST(Cli, RepetitionsAreSplitAcrossProcessesAndTheSeedIsRecorded) {
  TempDir dir;
  auto out = dir.file("results.json");
  auto run = selftest({"run", "--variant", "correct", "--variant", "counting", "--processes", "3",
                       "--repetitions", "7", "--min-time", "0.005", "--seed", "42", "--out", out});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  auto results = read_json(out);
  const auto& meta = results["context"]["idiombench"];
  EXPECT_EQ(meta["seed"], 42);
  EXPECT_EQ(meta["processes"], 3);
  EXPECT_EQ(meta["repetitions"], 7);
  for (const char* name : {"selftest/sum/correct/n:1000", "selftest/sum/counting/n:1000"}) {
    EXPECT_EQ(repetitions_per_process(results, name), (std::map<int, int>{{0, 3}, {1, 2}, {2, 2}}))
        << name << ": every (benchmark, process) slot ran once, 7 repetitions split 3+2+2";
  }
  int aggregates = 0;
  for (const auto& entry : results["benchmarks"]) {
    if (entry["run_type"] != "aggregate") continue;
    ++aggregates;
    EXPECT_EQ(entry["iterations"], 7) << "aggregates are over every process's repetitions";
  }
  EXPECT_EQ(aggregates, 8);
}

TEST(Cli, AFailureInOneProcessStopsTheBenchmarkWithItsProcessNamed) {
  TempDir dir;
  auto out = dir.file("results.json");
  auto run = selftest({"run", "--variant", "crash", "--variant", "correct", "--processes", "4",
                       "--min-time", "0.005", "--out", out});
  EXPECT_EQ(run.exit_code, 1) << run.output;
  const auto results = read_json(out);
  auto variants = by_variant(results);
  EXPECT_EQ(variants["crash"]["status"], "crashed");
  EXPECT_EQ(repetitions_per_process(results, "selftest/sum/correct/n:1000").size(), 4u)
      << "the other benchmark still ran all its processes";
  for (const auto& entry : every_entry(results)) {
    if (entry["variant"] == "crash") {
      EXPECT_NE(entry["status"], "ok") << "nothing of it counts";
    }
  }
  EXPECT_NE(variants["crash"]["reason"].get<std::string>().find("of 4:"), std::string::npos)
      << variants["crash"]["reason"];
  EXPECT_EQ(variants["correct"]["status"], "ok");
}

// A baseline binary that lacks the `counting` variant: a wrapper that hides it from
// `list --json` (its children are the selftest binary's).
std::string baseline_without_counting(const TempDir& dir) {
  auto path = dir.file("baseline.sh");
  std::ofstream(path) << "#!/bin/sh\nbinary='" << IDIOMBENCH_SELFTEST_BINARY << "'\n"
                      << R"(if [ "$1" = list ]; then
  "$binary" "$@" | python3 -c 'import json, sys
print(json.dumps([i for i in json.load(sys.stdin) if i["variant"] != "counting"]))'
  exit 0
fi
exec "$binary" "$@"
)";
  chmod(path.c_str(), 0755);
  return path;
}

TEST(Cli, AbPairsProcessesOfTwoBinariesInOneSession) {
  TempDir dir;
  auto folder = dir.file("ab");
  auto run = selftest({"ab", IDIOMBENCH_SELFTEST_BINARY, "--variant", "correct", "--variant",
                       "unavailable", "--processes", "3", "--repetitions", "3", "--min-time",
                       "0.005", "--seed", "9", "--out", folder});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  auto base = read_json(folder + "/baseline.json");
  auto cand = read_json(folder + "/candidate.json");
  const auto& a = base["context"]["idiombench"]["ab"];
  const auto& b = cand["context"]["idiombench"]["ab"];
  EXPECT_EQ(a["session"], b["session"]);
  EXPECT_EQ(a["role"], "baseline");
  EXPECT_EQ(b["role"], "candidate");
  EXPECT_EQ(a["pairs"], 3);
  const std::map<int, int> one_per_pair = {{0, 1}, {1, 1}, {2, 1}};
  EXPECT_EQ(repetitions_per_process(base, "selftest/sum/correct/n:1000"), one_per_pair);
  EXPECT_EQ(repetitions_per_process(cand, "selftest/sum/correct/n:1000"), one_per_pair);
  EXPECT_EQ(by_variant(base)["unavailable"]["status"], "skipped");
  EXPECT_EQ(base["context"]["idiombench"]["complete"], true);
}

TEST(Cli, AbListsABenchmarkOnlyOneBinaryHasOnItsSideOnly) {
  TempDir dir;
  auto folder = dir.file("ab");
  auto run = selftest({"ab", baseline_without_counting(dir), "--variant", "correct", "--variant",
                       "counting", "--processes", "2", "--min-time", "0.005", "--out", folder});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  auto base = by_variant(read_json(folder + "/baseline.json"));
  auto cand = by_variant(read_json(folder + "/candidate.json"));
  EXPECT_EQ(base.count("counting"), 0u) << "new in the candidate: not an error";
  EXPECT_EQ(cand["counting"]["status"], "ok");
  EXPECT_EQ(base["correct"]["status"], "ok");
}

TEST(Cli, AbTimesOnlyWhatChangedAndSaysSoOfTheRest) {
  TempDir dir;
  auto folder = dir.file("ab");
  // The same binary on both sides: every fingerprint equal, no sentinel asked for.
  auto run =
      selftest({"ab", IDIOMBENCH_SELFTEST_BINARY, "--variant", "correct", "--variant", "wrong",
                "--sentinels", "0", "--processes", "3", "--min-time", "0.005", "--out", folder});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("0 benchmarks with changed code"), std::string::npos) << run.output;
  for (const auto* side : {"/baseline.json", "/candidate.json"}) {
    auto entries = by_variant(read_json(folder + side));
    for (const auto* variant : {"correct", "wrong"}) {
      const auto& entry = entries[variant];
      EXPECT_EQ(entry["status"], "skipped") << variant << " was timed though its code is the same";
      EXPECT_EQ(entry["code_change"], "unchanged");
      EXPECT_EQ(entry["code_fingerprint"].get<std::string>().size(), 16u);
      EXPECT_NE(entry["reason"].get<std::string>().find("same machine code"), std::string::npos);
    }
  }
  // --time-unchanged: timed all the same (and `wrong` fails its verification as ever).
  auto all =
      selftest({"ab", IDIOMBENCH_SELFTEST_BINARY, "--variant", "correct", "--sentinels", "0",
                "--time-unchanged", "--processes", "3", "--min-time", "0.005", "--out", folder});
  ASSERT_EQ(all.exit_code, 0) << all.output;
  EXPECT_EQ(by_variant(read_json(folder + "/candidate.json"))["correct"]["status"], "ok");
}

TEST(Cli, AbWithATargetSamplesInRoundsAndRecordsWhyItStopped) {
  TempDir dir;
  auto folder = dir.file("ab");
  auto run = selftest({"ab", IDIOMBENCH_SELFTEST_BINARY, "--variant", "correct", "--time-unchanged",
                       "--target", "40%", "--budget", "2m", "--max-pairs", "12", "--min-time",
                       "0.005", "--seed", "3", "--out", folder});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  auto cand = read_json(folder + "/candidate.json");
  EXPECT_EQ(cand["context"]["idiombench"]["ab"]["target"], 0.4);
  EXPECT_EQ(cand["context"]["idiombench"]["ab"]["most_pairs"], 12);
  auto entry = by_variant(cand)["correct"];
  ASSERT_TRUE(entry.contains("sampling")) << entry.dump();
  const int pairs = entry["sampling"]["pairs"];
  EXPECT_GE(pairs, 6) << "the first round gives every benchmark 6 pairs";
  EXPECT_LE(pairs, 12);
  const std::string stopped = entry["sampling"]["stopped"];
  EXPECT_TRUE(stopped == "target reached" || stopped == "most pairs") << stopped;
  if (stopped == "target reached") {
    EXPECT_LE(entry["sampling"]["detectable"].get<double>(), 0.4);
  }
  EXPECT_EQ(entry["processes"], pairs) << "entries say how many processes there were";
}

TEST(Cli, AbRefusesABudgetWithoutATargetAndLayoutsThatDoNotPair) {
  TempDir dir;
  auto budget =
      selftest({"ab", IDIOMBENCH_SELFTEST_BINARY, "--budget", "5m", "--out", dir.file("a")});
  EXPECT_EQ(budget.exit_code, 2);
  EXPECT_NE(budget.output.find("--budget goes with --target"), std::string::npos) << budget.output;
  auto layouts =
      selftest({"ab", IDIOMBENCH_SELFTEST_BINARY, "--baseline-layout", IDIOMBENCH_SELFTEST_BINARY,
                "--candidate-layout", IDIOMBENCH_SELFTEST_BINARY, "--candidate-layout",
                IDIOMBENCH_SELFTEST_BINARY, "--out", dir.file("b")});
  EXPECT_EQ(layouts.exit_code, 2);
  EXPECT_NE(layouts.output.find("as many --baseline-layout"), std::string::npos) << layouts.output;
}

TEST(Cli, AbRefusesABaselineThatIsNotABinary) {
  TempDir dir;
  auto run = selftest({"ab", dir.file("nothing-here"), "--out", dir.file("ab")});
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("not an executable"), std::string::npos) << run.output;
}

// Instructions per iteration of the selftest's `correct` variant, from two runs.
std::vector<double> counts_of_two_runs(const TempDir& dir, std::vector<std::string> env) {
  std::vector<double> counts;
  for (const char* name : {"a.json", "b.json"}) {
    auto out = dir.file(name);
    std::vector<std::string> args = {"/usr/bin/env"};
    args.insert(args.end(), env.begin(), env.end());
    args.insert(args.end(), {IDIOMBENCH_SELFTEST_BINARY, "run", "--variant", "correct", "--measure",
                             "instructions", "--iterations", "3", "--out", out});
    auto outcome = run_isolated(args, 300);
    EXPECT_EQ(outcome.code, 0) << outcome.output_tail;
    auto results = read_json(out);
    EXPECT_EQ(results["context"]["idiombench"]["measure"], "instructions");
    const auto& entry = results["benchmarks"].at(0);
    EXPECT_EQ(entry["instructions_exact"], true);
    counts.push_back(entry.at("instructions").get<double>());
  }
  // Summing 1000 int64 is on the order of a thousand instructions, not millions: only
  // the counted loop, not the input building or the verification.
  EXPECT_GT(counts[0], 200);
  EXPECT_LT(counts[0], 20000);
  return counts;
}

TEST(Cli, CallgrindCountsAreIdenticalRunToRun) {
  if (IDIOMBENCH_TESTS_UNDER_ASAN || std::string(build_info::sanitizers).size() > 0) {
    GTEST_SKIP() << "Valgrind does not run sanitized binaries";
  }
  if (access("/usr/bin/valgrind", X_OK) != 0) GTEST_SKIP() << "no /usr/bin/valgrind here";
  if (!cpu_identity().emulated.empty())
    GTEST_SKIP() << "the host's Valgrind cannot run emulated code";
  TempDir dir;
  auto counts = counts_of_two_runs(dir, {"IDIOMBENCH_INSTRUCTION_COUNTER=callgrind"});
  EXPECT_EQ(counts[0], counts[1]);
  auto meta = read_json(dir.file("a.json"))["context"]["idiombench"];
  EXPECT_EQ(meta["instruction_counter"], "callgrind");
}

TEST(Cli, HardwareCountsAreCloseRunToRun) {
  if (instruction_counter() != "perf") {
    GTEST_SKIP() << "no hardware instruction counter here (perf_event_open refused)";
  }
  TempDir dir;
  auto counts = counts_of_two_runs(dir, {});
  EXPECT_NEAR(counts[0], counts[1], counts[0] * 0.001);
}

TEST(Cli, AVariantOfAModelNewToTheHarnessRegistersAndRuns) {
  TempDir dir;
  auto out = dir.file("abacus.json");
  auto run = selftest({"run", "--model", "abacus", "--out", out, "--repetitions", "1"});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  auto results = read_json(out);
  ASSERT_FALSE(results["benchmarks"].empty());
  for (const auto& entry : results["benchmarks"]) {
    EXPECT_EQ(entry["variant"], "on_abacus");
    EXPECT_EQ(entry["model"], "abacus");
    EXPECT_EQ(entry["status"], "ok");
    EXPECT_TRUE(entry["verified"].get<bool>());
  }
  EXPECT_EQ(results["context"]["idiombench"]["models"]["abacus"],
            "beads moved by hand: a model new to the harness");
  auto listed = selftest({"list", "--model", "abacus"});
  EXPECT_NE(listed.output.find("abacus     beads moved by hand"), std::string::npos)
      << listed.output;
  auto unknown = selftest({"run", "--model", "slide_rule", "--out", dir.file("none.json")});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.output.find("unknown model 'slide_rule'"), std::string::npos) << unknown.output;
}

TEST(Cli, InfoJsonHasTheMachineFingerprintAndBackends) {
  // A variable that changes how OpenMP behaves is recorded; an unrelated one is not.
  ::setenv("OMP_PROC_BIND", "close", 1);
  ::setenv("HOME_OF_NOTHING", "x", 1);
  auto info = selftest({"info", "--json"});
  ::unsetenv("OMP_PROC_BIND");
  ::unsetenv("HOME_OF_NOTHING");
  ASSERT_EQ(info.exit_code, 0) << info.output;
  auto context = nlohmann::json::parse(info.output);
  auto id = context["idiombench"]["machine"]["machine_id"].get<std::string>();
  EXPECT_EQ(id.size(), 16u);
  auto again = nlohmann::json::parse(selftest({"info", "--json"}).output);
  EXPECT_EQ(again["idiombench"]["machine"]["machine_id"], id) << "the fingerprint is stable";
  const auto& variables = context["idiombench"]["environment_variables"];
  EXPECT_EQ(variables.value("OMP_PROC_BIND", ""), "close") << variables.dump();
  EXPECT_FALSE(variables.contains("HOME_OF_NOTHING")) << variables.dump();
  // The harness knows no backend: the selftest suite declared this one.
  const auto& backends = context["idiombench"]["backends"];
  ASSERT_EQ(backends.size(), 1u) << backends.dump();
  const auto& device = backends["imaginary_device"];
  EXPECT_FALSE(device["available"].get<bool>());
  EXPECT_EQ(device["reason"], "no such device");
  EXPECT_EQ(device["driver_version"], "none");
}

// A SIGKILL of the parent at any moment leaves the previous file or a complete,
// parseable one, never a truncated one.
TEST(Cli, SigkillNeverLeavesATruncatedResultsFile) {
  TempDir dir;
  auto out = dir.file("results.json");
  const std::string previous = R"({"previous": true})";
  int survivors_complete = 0, previous_kept = 0;
  std::string last_end;
  for (int trial = 0; trial < 12; ++trial) {
    { std::ofstream(out) << previous; }
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      execl(IDIOMBENCH_SELFTEST_BINARY, IDIOMBENCH_SELFTEST_BINARY, "run", "--profile", "full",
            "--filter", "correct|counting|wrong|throws|unavailable", "--repetitions", "2",
            "--min-time", "0.005", "--out", out.c_str(), nullptr);
      _exit(127);
    }
    int status = 0;
    bool ended_by_itself = false;
    if (trial < 11) {
      std::this_thread::sleep_for(std::chrono::milliseconds(15 + 45 * trial));
    } else {
      // However slow the machine, the last kill comes after at least one write. A write
      // ends in fsync, which on a loaded disk can wait many seconds: the deadline is generous.
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
      while (read_text(out) == previous && std::chrono::steady_clock::now() < deadline) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
          ended_by_itself = true;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
    if (!ended_by_itself) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
    }
    last_end = ended_by_itself ? (WIFEXITED(status)
                                      ? "exited with status " + std::to_string(WEXITSTATUS(status))
                                      : "died of signal " + std::to_string(WTERMSIG(status)))
                               : "was killed";
    auto text = read_text(out);
    if (text == previous) {
      ++previous_kept;
      continue;
    }
    nlohmann::json parsed;
    ASSERT_NO_THROW(parsed = nlohmann::json::parse(text))
        << "trial " << trial << ": truncated file";
    ASSERT_TRUE(parsed.contains("benchmarks"));
    ASSERT_TRUE(parsed["context"]["idiombench"].contains("complete"));
    ++survivors_complete;
  }
  EXPECT_GT(survivors_complete, 0)
      << "every trial found the previous file; the last run, before it wrote anything, "
      << last_end;
  // A temporary file may remain after a kill mid-write; the results file never is one.
  for (const auto& name : dir.names()) {
    EXPECT_TRUE(name == "results.json" || name.rfind("results.json.tmp.", 0) == 0) << name;
  }
  (void)previous_kept;
}

// A disk that fills up: the previous results survive and the run says so (exit 3).
TEST(Cli, FullDiskKeepsThePreviousResultsAndFails) {
  TempDir dir;
  auto out = dir.file("results.json");
  const std::string previous = R"({"previous": true})";
  { std::ofstream(out) << previous; }
  // `ulimit -f 1`: writes beyond 1 KiB fail with EFBIG, as on a full disk.
  auto outcome =
      run_isolated({"/bin/bash", "-c",
                    std::string("ulimit -f 1; trap '' XFSZ; exec ") + IDIOMBENCH_SELFTEST_BINARY +
                        " run --variant correct --repetitions 1 --min-time 0.01 --out " + out},
                   60);
  EXPECT_EQ(outcome.kind, ChildOutcome::Kind::exited) << outcome.output_tail;
  EXPECT_EQ(outcome.code, 3) << outcome.output_tail;
  EXPECT_NE(outcome.output_tail.find("results NOT written"), std::string::npos)
      << outcome.output_tail;
  EXPECT_EQ(read_text(out), previous);
  EXPECT_EQ(dir.names(), std::vector<std::string>{"results.json"}) << "no temporary left behind";
}

TEST(WriteAtomically, ReplacesTheFileWhole) {
  TempDir dir;
  auto out = dir.file("x.json");
  write_atomically(out, "first");
  write_atomically(out, "second");
  EXPECT_EQ(read_text(out), "second");
  EXPECT_EQ(dir.names(), std::vector<std::string>{"x.json"});
  EXPECT_THROW(write_atomically(dir.file("missing/x.json"), "x"), std::runtime_error);
}

}  // namespace
}  // namespace idiombench
