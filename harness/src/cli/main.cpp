// The idiombench command line (CLI11).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "run/environment.hpp"

namespace {

// Bounds a typo should not get past (a day's timeout, an hour per repetition).
constexpr int kMaxRepetitions = 100000;
constexpr double kMaxMinTime = 3600, kMaxTimeout = 86400;

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
      ->check(CLI::Range(1, 10000));
  command
      ->add_option("--seed", options.seed,
                   "seed of the shuffled order of processes (default: a fresh one, recorded)")
      ->check(idiombench::unsigned_64());
  command
      ->add_option("--measure", options.measure,
                   "time, or instructions (counted under Valgrind's callgrind: slow, repeatable)")
      ->check(CLI::IsMember({"time", "instructions"}))
      ->capture_default_str();
  command
      ->add_option("--memory-limit", options.memory_limit_mib,
                   "MiB of memory each benchmark process may allocate, 0: no limit (default: "
                   "the machine's memory)")
      ->check(CLI::Range(std::uint64_t{0}, std::uint64_t{1} << 30));
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

// Every subcommand and the options it fills.
struct CommandLine {
  idiombench::Selection selection;  // list, verify
  bool json = false;
  idiombench::RunOptions run, ab;
  double verify_timeout = 60;
  idiombench::ChildRequest child;
  bool probe_no_backends = false;
  std::vector<std::string> probe_variants;
  CLI::App *list = nullptr, *info = nullptr, *verify = nullptr, *run_command = nullptr,
           *ab_command = nullptr, *child_command = nullptr, *backends_command = nullptr;
};

void define_list(CLI::App& app, CommandLine& cl) {
  cl.list = app.add_subcommand("list", "list benchmarks and whether they can run here");
  add_selection(cl.list, cl.selection);
  cl.list->add_option("--profile", cl.selection.profile, "quick, full or gate")
      ->capture_default_str();
  cl.list->add_flag("--json", cl.json, "machine-readable output");
}

void define_run(CLI::App& app, CommandLine& cl) {
  auto& o = cl.run;
  auto* run = cl.run_command =
      app.add_subcommand("run", "verify, then time, each benchmark in its own process");
  add_selection(run, o.selection);
  run->add_option("--profile", o.selection.profile, "quick, full or gate")->capture_default_str();
  run->add_option("--repetitions", o.repetitions, "repetitions (default: by profile)")
      ->check(CLI::Range(1, kMaxRepetitions));
  run->add_option("--min-time", o.min_time, "seconds per repetition (default: by profile)")
      ->check(idiombench::seconds_up_to(kMaxMinTime));
  run->add_option("--timeout", o.timeout, "seconds allowed per benchmark")
      ->check(idiombench::seconds_up_to(kMaxTimeout))
      ->capture_default_str();
  run->add_option("--out", o.out, "results file (JSON)")->capture_default_str();
  run->add_option("--machine-label", o.machine_label,
                  "this machine's name in comparisons (e.g. its Slurm node): 1-64 printable "
                  "characters; runs under different labels are different machines")
      ->check(idiombench::machine_label_check());
  add_sampling(run, o);
}

void define_ab(CLI::App& app, CommandLine& cl) {
  auto& o = cl.ab;
  o.out = "idiombench-ab";
  o.selection.profile = "gate";
  auto* ab = cl.ab_command = app.add_subcommand(
      "ab", "interleaved A/B: pairs of processes of a baseline binary and this one, per benchmark");
  ab->add_option("baseline", o.baseline, "the baseline idiombench binary")->required();
  add_selection(ab, o.selection);
  ab->add_option("--profile", o.selection.profile, "quick, full or gate")->capture_default_str();
  ab->add_option("--repetitions", o.repetitions,
                 "repetitions per binary, in all (default: by profile)")
      ->check(CLI::Range(1, kMaxRepetitions));
  ab->add_option("--min-time", o.min_time, "seconds per repetition (default: by profile)")
      ->check(idiombench::seconds_up_to(kMaxMinTime));
  ab->add_option("--timeout", o.timeout, "seconds allowed per process")
      ->check(idiombench::seconds_up_to(kMaxTimeout))
      ->capture_default_str();
  ab->add_option("--out", o.out, "folder for baseline.json and candidate.json")
      ->capture_default_str();
  ab->add_option("--target", o.target,
                 "sample in rounds until a change this size is detectable, e.g. 3% (default: "
                 "the profile's fixed number of pairs)")
      ->transform(idiombench::fraction());
  ab->add_option(
        "--budget", o.budget_seconds,
        "with --target: add no pairs after this long, e.g. 10m, 600s; the first round always "
        "completes (default: none)")
      ->transform(idiombench::duration_up_to(kMaxTimeout));
  ab->add_option("--max-pairs", o.max_pairs,
                 "with --target: the most pairs a benchmark gets (default: 8 x the profile's)")
      ->check(CLI::Range(3, 10000));
  ab->add_option("--sentinels", o.sentinels,
                 "benchmarks whose code did not change that are timed anyway, to check the "
                 "method (seeded)")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  ab->add_flag("--time-unchanged", o.time_unchanged,
               "time every benchmark, also those whose code fingerprint is the same on both sides");
  ab->add_option("--baseline-layout", o.baseline_layouts,
                 "a relink of the baseline with another code layout (repeatable): pair k runs "
                 "layout k mod K")
      ->check(CLI::ExistingFile);
  ab->add_option("--candidate-layout", o.candidate_layouts,
                 "a relink of this binary with another code layout (repeatable)")
      ->check(CLI::ExistingFile);
  add_sampling(ab, o);
}

void define_verify_and_info(CLI::App& app, CommandLine& cl) {
  cl.verify = app.add_subcommand("verify", "conformance only: every variant at every size");
  add_selection(cl.verify, cl.selection);
  cl.verify->add_option("--timeout", cl.verify_timeout, "seconds allowed per check")
      ->check(idiombench::seconds_up_to(kMaxTimeout))
      ->capture_default_str();
  cl.info = app.add_subcommand("info", "describe this machine, build, models and backends");
  cl.info->add_flag("--json", cl.json, "machine-readable output");
}

// Internal: what `run` and `ab` start in each child process, one benchmark.
void define_child(CLI::App& app, CommandLine& cl) {
  auto& c = cl.child;
  cl.child_command = app.add_subcommand("_child", "");
  cl.child_command->group("");
  cl.child_command->add_option("--name", c.name)->required();
  cl.child_command->add_option("--profile", c.profile);
  cl.child_command->add_option("--repetitions", c.repetitions)
      ->check(CLI::Range(0, kMaxRepetitions));
  cl.child_command->add_option("--min-time", c.min_time)
      ->check(idiombench::seconds_up_to(kMaxMinTime));
  cl.child_command->add_flag("--conformance", c.conformance);
  cl.child_command->add_flag("--verify-only", c.verify_only);
  cl.child_command->add_option("--measure", c.measure);
  cl.child_command->add_option("--iterations", c.iterations)->check(CLI::PositiveNumber);
  // Internal: the backends' probe, in a process of its own (environment.hpp says why).
  cl.backends_command = app.add_subcommand("_backends", "");
  cl.backends_command->group("");
  cl.backends_command->add_flag("--no-backends", cl.probe_no_backends);
  cl.backends_command->add_option("--variant", cl.probe_variants);
}

int dispatch(CommandLine& cl, const std::string& command_line) {
  using namespace idiombench;
  if (*cl.list) return list_command(cl.selection, cl.json);
  if (*cl.info) return info_command(cl.json);
  if (*cl.verify) return verify_command(cl.selection, cl.verify_timeout);
  if (*cl.child_command) return child_command(cl.child);
  if (*cl.backends_command) return backends_command(!cl.probe_no_backends, cl.probe_variants);
  if (*cl.ab_command) {
    cl.ab.command_line = command_line;
    return ab_command(cl.ab);
  }
  cl.run.command_line = command_line;
  return run_command(cl.run);
}

}  // namespace

int main(int argc, char** argv) {
  if (auto problems = idiombench::Registry::instance().problems(); !problems.empty()) {
    for (const auto& p : problems) {
      std::fprintf(stderr, "idiombench: registration error: %s\n", p.c_str());
    }
    return 70;
  }
  CLI::App app{
      "idiombench: what does this idiom cost here, and does every implementation of it "
      "give the right answer?"};
  app.require_subcommand(1);
  app.set_version_flag("--version", idiombench::version_line());
  CommandLine cl;
  define_list(app, cl);
  define_run(app, cl);
  define_ab(app, cl);
  define_verify_and_info(app, cl);
  define_child(app, cl);
  try {
    idiombench::check_raw_arguments(argc, argv,
                                    {"list", "info", "verify", "run", "ab", "_child", "_backends"});
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::fprintf(stderr, "idiombench: error: %s\n", idiombench::one_line(e.what()).c_str());
    return 2;
  } catch (const idiombench::UsageError& e) {
    std::fprintf(stderr, "idiombench: error: %s\n", e.what());
    return 2;
  }
  try {
    return dispatch(cl, joined(argc, argv));
  } catch (const idiombench::UsageError& e) {
    std::fprintf(stderr, "idiombench: error: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "idiombench: error: %s\n", e.what());
    return 3;
  }
}
