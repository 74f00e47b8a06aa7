// `idiombench run`: each benchmark's repetitions spread over K fresh child processes,
// the (benchmark, process) slots of the whole selection in a shuffled order, the
// results file rewritten atomically after each process so nothing measured is lost.
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "environment.hpp"
#include "progress.hpp"
#include "results.hpp"
#include "sampling_plan.hpp"
#include "summary.hpp"

namespace idiombench {

int run_command(const RunOptions& options) {
  auto planned = plan_benchmarks(options.selection);
  if (planned.empty()) throw UsageError("the selection matches no benchmark");
  const auto sampling = sampling_for(options);
  check_writable(options.out);

  const auto environment = probe_environment();
  for (const auto& warning : environment.warnings) {
    std::fprintf(stderr, "idiombench: warning: %s\n", warning.c_str());
  }
  ResultsFile results(options.out, results_context(environment));
  results.meta().update(sampling.describe());
  results.meta()["command"] = options.command_line;
  results.meta()["complete"] = false;

  std::vector<BenchmarkSamples> samples;
  for (const auto& benchmark : planned) {
    samples.push_back(samples_for(benchmark.name, identity_of(benchmark),
                                  benchmark.variant_info().why_unavailable(), sampling));
  }
  const auto slots = shuffled_slots(planned.size(), sampling.processes, sampling.seed);
  Progress progress(slots.size());
  for (std::size_t k = 0; k < slots.size(); ++k) {
    auto& benchmark = samples[slots[k].benchmark];
    const int process = slots[k].process;
    if (!benchmark.wants(process)) continue;
    progress.show(k, benchmark.planned_processes > 1
                         ? benchmark.name + "  (process " + std::to_string(process + 1) + ")"
                         : benchmark.name);
    benchmark.processes.push_back(
        {process, run_in_child(sampling.request(benchmark, process, ""), sampling.timeout)});
    if (benchmark.settled()) report_failure(benchmark);
    if (results.due() || benchmark.settled()) results.save(all_entries(samples));
  }
  results.meta()["complete"] = true;
  results.meta()["wall_time_s"] = progress.elapsed();
  results.save(all_entries(samples));

  print_summary(results.benchmarks(), std::cout);
  const auto counts = tally(samples);
  std::cout << "\n" << planned.size() << " benchmarks:";
  bool all_ok = true;
  for (const auto& [status, count] : counts) {
    std::cout << " " << count << " " << status;
    if (status != "ok" && status != "skipped") all_ok = false;
  }
  std::cout << "\n";
  if (!results.write_error().empty()) {
    std::fprintf(stderr, "idiombench: error: results NOT written to %s: %s\n", options.out.c_str(),
                 results.write_error().c_str());
    return 3;
  }
  std::cout << "\nresults: " << options.out << "\n";
  return all_ok ? 0 : 1;
}

}  // namespace idiombench
