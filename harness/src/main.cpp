// The idiombench command line (CLI11).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "commands.hpp"

namespace {

void add_selection(CLI::App* command, idiombench::Selection& selection) {
  command->add_option("--suite", selection.suites, "only these suites (repeatable)");
  command->add_option("--variant", selection.variants, "only these variants (repeatable)");
  command->add_option("--model", selection.models, "only these execution models (repeatable)");
  command->add_option("--filter", selection.filter, "only benchmarks whose name matches (regex)");
}

void add_sampling(CLI::App* command, idiombench::RunOptions& options) {
  command
      ->add_option("--processes", options.processes,
                   "fresh processes per benchmark (ab: pairs), repetitions split across them "
                   "(default: by profile)")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--seed", options.seed,
                   "seed of the shuffled order of processes (default: a fresh one, recorded)")
      ->check(CLI::NonNegativeNumber);
  command
      ->add_option("--measure", options.measure,
                   "time, or instructions (counted under Valgrind's callgrind: slow, repeatable)")
      ->check(CLI::IsMember({"time", "instructions"}))
      ->capture_default_str();
  command
      ->add_option("--iterations", options.iterations,
                   "instruction mode: iterations counted per process")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
}

std::string joined(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) line += (i ? " " : "") + std::string(argv[i]);
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace idiombench;
  if (auto problems = Registry::instance().problems(); !problems.empty()) {
    for (const auto& p : problems) std::fprintf(stderr, "idiombench: registration error: %s\n", p.c_str());
    return 70;
  }
  CLI::App app{
      "idiombench: what does this idiom cost here, and does every implementation of it "
      "give the right answer?"};
  app.require_subcommand(1);

  Selection selection;
  bool json = false;

  auto* list = app.add_subcommand("list", "list benchmarks and whether they can run here");
  add_selection(list, selection);
  list->add_option("--profile", selection.profile, "quick, full or gate")->capture_default_str();
  list->add_flag("--json", json, "machine-readable output");

  RunOptions run_options;
  auto* run = app.add_subcommand("run", "verify, then time, each benchmark in its own process");
  add_selection(run, run_options.selection);
  run->add_option("--profile", run_options.selection.profile, "quick, full or gate")
      ->capture_default_str();
  run->add_option("--repetitions", run_options.repetitions, "repetitions (default: by profile)")
      ->check(CLI::PositiveNumber);
  run->add_option("--min-time", run_options.min_time,
                  "seconds per repetition (default: by profile)")
      ->check(CLI::PositiveNumber);
  run->add_option("--timeout", run_options.timeout, "seconds allowed per benchmark")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  run->add_option("--out", run_options.out, "results file (JSON)")->capture_default_str();
  add_sampling(run, run_options);

  RunOptions ab_options;
  ab_options.out = "idiombench-ab";
  ab_options.selection.profile = "gate";
  auto* ab = app.add_subcommand(
      "ab", "interleaved A/B: pairs of processes of a baseline binary and this one, per benchmark");
  ab->add_option("baseline", ab_options.baseline, "the baseline idiombench binary")->required();
  add_selection(ab, ab_options.selection);
  ab->add_option("--profile", ab_options.selection.profile, "quick, full or gate")
      ->capture_default_str();
  ab->add_option("--repetitions", ab_options.repetitions,
                 "repetitions per binary, in all (default: by profile)")
      ->check(CLI::PositiveNumber);
  ab->add_option("--min-time", ab_options.min_time, "seconds per repetition (default: by profile)")
      ->check(CLI::PositiveNumber);
  ab->add_option("--timeout", ab_options.timeout, "seconds allowed per process")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  ab->add_option("--out", ab_options.out, "folder for baseline.json and candidate.json")
      ->capture_default_str();
  add_sampling(ab, ab_options);

  double verify_timeout = 60;
  auto* verify = app.add_subcommand("verify", "conformance only: every variant at every size");
  add_selection(verify, selection);
  verify->add_option("--timeout", verify_timeout, "seconds allowed per check")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();

  auto* info = app.add_subcommand("info", "describe this machine, build and backends");
  info->add_flag("--json", json, "machine-readable output");

  ChildRequest child;
  auto* child_command_line = app.add_subcommand("_child", "");  // internal: one benchmark
  child_command_line->group("");
  child_command_line->add_option("--name", child.name)->required();
  child_command_line->add_option("--profile", child.profile);
  child_command_line->add_option("--repetitions", child.repetitions);
  child_command_line->add_option("--min-time", child.min_time);
  child_command_line->add_flag("--conformance", child.conformance);
  child_command_line->add_flag("--verify-only", child.verify_only);
  child_command_line->add_option("--measure", child.measure);
  child_command_line->add_option("--iterations", child.iterations)->check(CLI::PositiveNumber);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::fprintf(stderr, "idiombench: error: %s\n", e.what());
    return 2;
  }

  try {
    if (*list) return list_command(selection, json);
    if (*info) return info_command(json);
    if (*verify) return verify_command(selection, verify_timeout);
    if (*child_command_line) return child_command(child);
    if (*ab) {
      ab_options.command_line = joined(argc, argv);
      return ab_command(ab_options);
    }
    run_options.command_line = joined(argc, argv);
    return run_command(run_options);
  } catch (const UsageError& e) {
    std::fprintf(stderr, "idiombench: error: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "idiombench: error: %s\n", e.what());
    return 3;
  }
}
