// `idiombench run`: each benchmark's repetitions spread over K fresh child processes,
// the (benchmark, process) slots of the whole selection in a shuffled order. The
// reporters keep the results file current (so nothing measured is lost) and tell the
// person watching; this file only drives the processes.
#include <chrono>
#include <future>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "gate/variant_fingerprint.hpp"
#include "results/console_reporter.hpp"
#include "results/json_file_reporter.hpp"
#include "results/results.hpp"
#include "results/sampling_plan.hpp"
#include "run/environment.hpp"
#include "run/isolation.hpp"
#include "run/tool_cost.hpp"

namespace idiombench {

int run_command(const RunOptions& options) {
  SessionCost cost;
  // Planned twice: first to know which variants to ask about (and to reject a bad selection
  // before anything starts), then with their answers, which decide the baseline's points.
  auto planned = plan_benchmarks(options.selection, Availability::assume_all());
  if (planned.empty()) throw UsageError("the selection matches no benchmark");
  const auto sampling = sampling_for(options);
  check_writable(options.out);
  // The variants' code fingerprints (reading this binary's symbols and code) are worked
  // out while the probe's process runs: nothing is being measured yet.
  auto fingerprints = std::async(std::launch::async, [&planned] {
    for (const auto& benchmark : planned) code_fingerprint_of(benchmark.variant_info());
  });
  auto environment = probe_environment(this_executable(), variant_keys(planned));
  if (!options.machine_label.empty())
    environment.idiombench["machine"]["label"] = options.machine_label;
  fingerprints.get();
  print_warnings(environment);
  const auto availability = Availability::from(environment.unavailable);
  planned = plan_benchmarks(options.selection, availability);

  std::vector<BenchmarkSamples> samples;
  for (const auto& benchmark : planned) {
    samples.push_back(samples_for(benchmark.name, fingerprinted_identity(benchmark),
                                  availability.why_skipped(benchmark), sampling));
  }
  const Side side{"", &samples};
  const auto slots = shuffled_slots(planned.size(), sampling.processes, sampling.seed);
  auto meta = sampling.describe();
  meta["command"] = options.command_line;
  std::vector<std::unique_ptr<Reporter>> reporters;
  reporters.push_back(
      std::make_unique<JsonFileReporter>(side, options.out, results_context(environment), meta));
  auto console = std::make_unique<ConsoleReporter>(std::vector<Side>{side}, slots.size(),
                                                   std::vector<std::string>{options.out},
                                                   /*summary=*/true, std::cout);
  auto& screen = *console;
  reporters.push_back(std::move(console));

  cost.planned();
  for (std::size_t k = 0; k < slots.size(); ++k) {
    auto& benchmark = samples[slots[k].benchmark];
    const int process = slots[k].process;
    if (!benchmark.wants(process)) continue;
    const auto label = benchmark.planned_processes > 1
                           ? benchmark.name + "  (process " + std::to_string(process + 1) + ")"
                           : benchmark.name;
    auto writing = std::chrono::steady_clock::now();
    for (auto& r : reporters) r->before_slot(k, label);
    cost.add_writing(writing);
    benchmark.processes.push_back(
        {process, run_in_child(sampling.request(benchmark, process, ""), sampling.timeout)});
    cost.add_process(benchmark.processes.back().fragment,
                     is_python_variant(benchmark.identity.value("variant", "")), label);
    writing = std::chrono::steady_clock::now();
    for (auto& r : reporters) r->after_process(side, benchmark);
    for (auto& r : reporters) r->after_slot(benchmark.settled());
    cost.add_writing(writing);
  }
  for (auto& r : reporters) r->finished(cost.summary());
  screen.conclude(reporters);
  return session_exit_status({side}, reporters);
}

}  // namespace idiombench
