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

std::string joined(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) line += (i ? " " : "") + std::string(argv[i]);
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace idiombench;
  CLI::App app{
      "idiombench: what does this idiom cost here, and does every implementation of it "
      "give the right answer?"};
  app.require_subcommand(1);

  Selection selection;
  bool json = false;

  auto* list = app.add_subcommand("list", "list benchmarks and whether they can run here");
  add_selection(list, selection);
  list->add_option("--profile", selection.profile, "quick or full")->capture_default_str();
  list->add_flag("--json", json, "machine-readable output");

  RunOptions run_options;
  auto* run = app.add_subcommand("run", "verify, then time, each benchmark in its own process");
  add_selection(run, run_options.selection);
  run->add_option("--profile", run_options.selection.profile, "quick or full")
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
