// Both sides of the parent/child protocol: the parent starts `idiombench _child`
// for one benchmark; the child measures (or only verifies) it and writes a JSON
// fragment to its result descriptor.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <new>
#include <optional>
#include <string>

#include "idiombench/case.hpp"
#include "run/child.hpp"
#include "run/instructions.hpp"
#include "run/isolation.hpp"
#include "run/measure.hpp"
#include "run/tool_cost.hpp"

namespace idiombench {
namespace {

nlohmann::json verify_only(const PlannedBenchmark& benchmark) {
  nlohmann::json fragment = {{"runs", nlohmann::json::array()}, {"checksum", nullptr}};
  try {
    auto prepared = benchmark.the_case->prepare(benchmark.params);
    auto check = prepared->verify(benchmark.variant);
    fragment["status"] = check.ok ? "ok" : "failed";
    fragment["verified"] = check.ok;
    fragment["reason"] = check.mismatch;
    if (check.checksum) fragment["checksum"] = *check.checksum;
  } catch (...) {
    fragment["status"] = "failed";
    fragment["verified"] = false;
    fragment["reason"] =
        "building the input or the reference threw " + detail::describe_current_exception();
  }
  return fragment;
}

std::string last_line(const std::string& text) {
  auto end = text.find_last_not_of("\n ");
  if (end == std::string::npos) return "";
  auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - start);
}

// A private folder for callgrind's output, removed with everything in it.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    auto pattern = (std::filesystem::temp_directory_path() / "idiombench-counts.XXXXXX").string();
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

int child_command(const ChildRequest& request) {
  // An allocation that fails (the --memory-limit reached, or the machine's memory) ends
  // the child with a status the parent reports as "out of memory", whatever variant or
  // library asked.
  std::set_new_handler([] {
    static const char message[] = "idiombench: out of memory\n";
    [[maybe_unused]] auto ignored = ::write(STDERR_FILENO, message, sizeof message - 1);
    _exit(kOutOfMemoryStatus);
  });
  const auto started = monotonic_ns();
  // Found by name alone: asking any variant whether it can run here could start CPython
  // or a device in this process. The parent asked once (Availability) and started this
  // process only for a benchmark that can run, so every variant is assumed available: a
  // superset of the parent's plan, in which this name means the same benchmark.
  Selection all;
  all.profile = request.profile;
  auto planned = request.conformance ? plan_conformance(all)
                                     : plan_benchmarks(all, Availability::assume_all());
  for (const auto& benchmark : planned) {
    if (benchmark.name != request.name) continue;
    const auto found = monotonic_ns();
    auto fragment =
        request.verify_only
            ? verify_only(benchmark)
            : measure(benchmark, {request.repetitions, request.min_time,
                                  request.measure == "instructions", request.iterations});
    fragment["clock"]["started_ns"] = started;
    fragment["clock"]["found_ns"] = found;
    fragment["clock"]["done_ns"] = monotonic_ns();
    return write_all(request.result_fd, fragment.dump()) ? 0 : 1;
  }
  std::fprintf(stderr, "idiombench: no benchmark named '%s'\n", request.name.c_str());
  return 2;
}

nlohmann::json run_in_child(const ChildRequest& request, double timeout) {
  std::vector<std::string> argv = {"/proc/self/exe", "_child",
                                   "--name",         request.name,
                                   "--profile",      request.profile,
                                   "--repetitions",  std::to_string(request.repetitions),
                                   "--min-time",     std::to_string(request.min_time)};
  if (request.conformance) argv.push_back("--conformance");
  if (request.verify_only) argv.push_back("--verify-only");
  const bool counting = request.measure == "instructions";
  if (counting) {
    argv.insert(argv.end(),
                {"--measure", "instructions", "--iterations", std::to_string(request.iterations)});
  }
  // By default the child is this same binary: the path is resolved here so the child's
  // command line (in `ps`, in a crash report) names it.
  if (!request.binary.empty()) {
    argv[0] = request.binary;
  } else if (auto self = this_executable(); !self.empty()) {
    argv[0] = self;
  }
  std::optional<TemporaryFolder> counts;
  std::string counts_file;
  const bool callgrind = counting && instruction_counter() == "callgrind";
  if (callgrind) {
    counts.emplace();
    counts_file = counts->path() + "/callgrind.out";
    argv = under_callgrind(argv, counts_file);
  }

  const auto spawned = monotonic_ns();
  auto outcome = run_isolated(argv, timeout, false, request.memory_limit_bytes);
  const auto reaped = monotonic_ns();
  auto crashed = [&](const std::string& why) {
    auto detail = last_line(outcome.output_tail);
    return nlohmann::json{{"status", "crashed"},
                          {"reason", detail.empty() ? why : why + "; last output: " + detail},
                          {"verified", false},
                          {"checksum", nullptr},
                          {"runs", nlohmann::json::array()}};
  };
  switch (outcome.kind) {
    case ChildOutcome::Kind::timed_out: {
      char limit[64];
      std::snprintf(limit, sizeof limit, "no result within the %g s time limit", timeout);
      auto fragment = crashed(limit);
      fragment["status"] = "timeout";
      return fragment;
    }
    case ChildOutcome::Kind::signaled:
      if (callgrind && outcome.code == SIGILL) {
        return crashed(
            "killed by SIGILL under Valgrind: an instruction it cannot execute "
            "(AVX-512?); build the 'instructions' preset");
      }
      return crashed("killed by " + describe_signal(outcome.code));
    case ChildOutcome::Kind::exited:
      break;
  }
  if (outcome.code == kOutOfMemoryStatus) {
    return crashed(request.memory_limit_bytes > 0
                       ? "out of memory: an allocation failed at the --memory-limit of " +
                             std::to_string(request.memory_limit_bytes >> 20) + " MiB"
                       : "out of memory: an allocation failed");
  }
  if (outcome.code != 0) return crashed("exited with status " + std::to_string(outcome.code));
  nlohmann::json fragment;
  try {
    fragment = nlohmann::json::parse(outcome.result);
  } catch (const nlohmann::json::exception& e) {
    return crashed(std::string("unreadable result from the child: ") + e.what());
  }
  fragment["cost"] =
      process_cost(fragment.value("clock", nlohmann::json::object()), spawned, reaped);
  fragment.erase("clock");
  if (callgrind && fragment.value("status", "") == "ok") {
    auto total = callgrind_total(counts_file);
    if (!total) return crashed("callgrind wrote no instruction count");
    for (auto& run : fragment["runs"]) {
      run["instructions"] = *total / std::max<double>(1, run.value("iterations", 1));
    }
  }
  if (counting && fragment.value("status", "") == "ok") {
    for (const auto& run : fragment["runs"]) {
      if (!run.contains("instructions")) return crashed("the child counted no instructions");
    }
  }
  return fragment;
}

}  // namespace idiombench
