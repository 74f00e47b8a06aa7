// `idiombench run`: every selected benchmark in its own child process, the results
// file rewritten atomically after each one so nothing measured is ever lost.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>

#include "commands.hpp"
#include "environment.hpp"
#include "results.hpp"
#include "summary.hpp"

namespace idiombench {
namespace {

std::string clock_text(double seconds) {
  auto s = static_cast<long>(seconds + 0.5);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
  return buffer;
}

void show_progress(std::size_t done, std::size_t total, double elapsed, const std::string& name) {
  std::string eta =
      done == 0
          ? "?"
          : clock_text(elapsed / static_cast<double>(done) * static_cast<double>(total - done));
  std::fprintf(stderr, "[%zu/%zu] %s elapsed, ETA %s  %s\n", done + 1, total,
               clock_text(elapsed).c_str(), eta.c_str(), name.c_str());
}

struct ProfileDefaults {
  int repetitions;
  double min_time;
};

ProfileDefaults defaults_for(const std::string& profile) {
  return profile == "full" ? ProfileDefaults{10, 0.2} : ProfileDefaults{3, 0.03};
}

}  // namespace

int run_command(const RunOptions& options) {
  auto planned = plan_benchmarks(options.selection);
  if (planned.empty()) throw UsageError("the selection matches no benchmark");
  check_writable(options.out);

  const auto defaults = defaults_for(options.selection.profile);
  ChildRequest request;
  request.profile = options.selection.profile;
  request.repetitions = options.repetitions > 0 ? options.repetitions : defaults.repetitions;
  request.min_time = options.min_time > 0 ? options.min_time : defaults.min_time;

  const auto environment = probe_environment();
  for (const auto& warning : environment.warnings) {
    std::fprintf(stderr, "idiombench: warning: %s\n", warning.c_str());
  }
  nlohmann::json document = {{"context", results_context(environment)},
                             {"benchmarks", nlohmann::json::array()}};
  auto& meta = document["context"]["idiombench"];
  meta["profile"] = options.selection.profile;
  meta["repetitions"] = request.repetitions;
  meta["min_time_s"] = request.min_time;
  meta["timeout_s"] = options.timeout;
  meta["command"] = options.command_line;
  meta["complete"] = false;

  std::string write_error;
  auto save = [&] {
    apply_physical_limits(document["benchmarks"]);
    try {
      write_atomically(options.out, document.dump(1));
      write_error.clear();
    } catch (const std::exception& e) {
      if (write_error.empty()) std::fprintf(stderr, "idiombench: error: %s\n", e.what());
      write_error = e.what();
    }
  };

  const auto start = std::chrono::steady_clock::now();
  bool all_ok = true;
  std::map<std::string, int> tally;  // benchmarks per status
  for (std::size_t k = 0; k < planned.size(); ++k) {
    const auto& benchmark = planned[k];
    show_progress(k, planned.size(),
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                  benchmark.name);
    nlohmann::json entries;
    auto reason = benchmark.variant_info().why_unavailable();
    if (!reason.empty()) {
      entries = nlohmann::json::array({untimed_entry(benchmark, "skipped", reason)});
    } else {
      request.name = benchmark.name;
      entries = entries_from_fragment(benchmark, run_in_child(request, options.timeout));
    }
    const std::string status = entries.at(0).at("status");
    ++tally[status];
    if (status != "ok" && status != "skipped") {
      all_ok = false;
      std::fprintf(stderr, "idiombench: %s: %s: %s\n", benchmark.name.c_str(), status.c_str(),
                   entries.at(0).value("reason", "").c_str());
    }
    for (auto& entry : entries) document["benchmarks"].push_back(std::move(entry));
    save();
  }
  meta["complete"] = true;
  meta["wall_time_s"] =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  save();

  print_summary(document["benchmarks"], std::cout);
  std::cout << "\n" << planned.size() << " benchmarks:";
  for (const auto& [status, count] : tally) std::cout << " " << count << " " << status;
  std::cout << "\n";
  if (!write_error.empty()) {
    std::fprintf(stderr, "idiombench: error: results NOT written to %s: %s\n", options.out.c_str(),
                 write_error.c_str());
    return 3;
  }
  std::cout << "\nresults: " << options.out << "\n";
  return all_ok ? 0 : 1;
}

}  // namespace idiombench
