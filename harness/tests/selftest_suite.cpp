// A test-only suite whose variants misbehave on purpose: wrong answers, a crash, a
// hang, an exception, an early exit, an unavailable variant. It is linked into
// `idiombench-selftest` only, never into `idiombench`.
#include <omp.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "idiombench/backend.hpp"
#include "idiombench/case.hpp"
#include "idiombench/model.hpp"

namespace {

using idiombench::Case;
using Input = std::vector<std::int64_t>;
using Output = std::int64_t;

Case<Input, Output>& selftest_sum() {
  static auto& c = idiombench::define_case<Input, Output>({
      .name = "sum",
      .question = "Does the harness survive variants that misbehave?",
      .make_input =
          [](const idiombench::Params& p) {
            Input values(static_cast<std::size_t>(p.integer("n")));
            std::iota(values.begin(), values.end(), 1);
            return values;
          },
      .reference = [](const Input& in) { return std::accumulate(in.begin(), in.end(), Output{0}); },
      .quick = {{"n", {1000}}},
      .full = {{"n", {1000, 100000}}},
      .conformance = {{{"n", 0}}, {{"n", 1}}, {{"n", 17}}},
      .throughput =
          [](const idiombench::Params& p) {
            auto n = static_cast<double>(p.integer("n"));
            return idiombench::Throughput{.items = n, .bytes_read = n * 8};
          },
      .baseline = "correct",
      .suite = "selftest",
  });
  return c;
}

// Models and backends are the suite's to declare: "abacus" is one the harness has never
// heard of, and it needs no change to the harness.
[[maybe_unused]] const auto declared = {
    idiombench::declare_model({.name = "serial",
                               .description = "one thread",
                               .instruction_counts = idiombench::InstructionCounts::exact}),
    idiombench::declare_model(
        {.name = "abacus", .description = "beads moved by hand: a model new to the harness"}),
    idiombench::declare_model({.name = "imaginary_device",
                               .description = "hardware nobody has",
                               .instruction_counts = idiombench::InstructionCounts::uncountable}),
    idiombench::declare_backend({.name = "imaginary_device",
                                 .probe =
                                     [] {
                                       // Chatter on stdout, as some libraries' start-up
                                       // prints, and where the probe ran (CLI test).
                                       std::printf("imaginary_device: probing\n");
                                       return idiombench::BackendStatus{
                                           .reason = "no such device",
                                           .details = {{"driver_version", "none"},
                                                       {"probed_by", std::to_string(getppid())}}};
                                     }}),
};

Output correct(const Input& in) {
  return std::accumulate(in.begin(), in.end(), Output{0});
}

[[maybe_unused]] const auto registered = {
    selftest_sum().add_variant({.name = "correct", .model = "serial", .run = correct}),
    selftest_sum().add_variant({.name = "counting",
                                .model = "serial",
                                .run =
                                    [](const Input& in, idiombench::Context& ctx) {
                                      ctx.counter("elements_seen", static_cast<double>(in.size()));
                                      // What OpenMP found to run on (CLI test: affinity).
                                      ctx.counter("openmp_places", omp_get_num_places());
                                      return correct(in);
                                    }}),
    selftest_sum().add_variant({.name = "wrong",
                                .model = "serial",
                                .run = [](const Input& in) { return correct(in) + 1; }}),
    selftest_sum().add_variant({.name = "crash",
                                .model = "serial",
                                .run = [](const Input& in) -> Output {
                                  std::raise(SIGSEGV);
                                  return correct(in);
                                }}),
    selftest_sum().add_variant({.name = "hang",
                                .model = "serial",
                                .run = [](const Input& in) -> Output {
                                  for (;;) pause();
                                  return correct(in);
                                }}),
    selftest_sum().add_variant(
        {.name = "throws",
         .model = "serial",
         .run = [](const Input&) -> Output { throw std::runtime_error("selftest failure"); }}),
    selftest_sum().add_variant(
        {.name = "exits", .model = "serial", .run = [](const Input&) -> Output { std::_Exit(7); }}),
    // Allocates (and touches) up to 1 GiB before answering: stopped by a --memory-limit
    // below that, harmless without one.
    selftest_sum().add_variant({.name = "hog",
                                .model = "serial",
                                .run =
                                    [](const Input& in) {
                                      std::vector<std::unique_ptr<char[]>> held;
                                      for (int chunk = 0; chunk < 64; ++chunk) {
                                        held.push_back(std::make_unique<char[]>(16 << 20));
                                      }
                                      return correct(in);
                                    }}),
    // Starts a process of its own that would outlive it, then hangs: the timeout must
    // take both.
    selftest_sum().add_variant({.name = "forks_and_hangs",
                                .model = "serial",
                                .run = [](const Input& in) -> Output {
                                  if (fork() == 0) {
                                    for (;;) pause();
                                  }
                                  for (;;) pause();
                                  return correct(in);
                                }}),
    // Closes its standard output: the results travel on their own descriptor.
    selftest_sum().add_variant({.name = "closes_stdout",
                                .model = "serial",
                                .run =
                                    [](const Input& in) {
                                      ::close(STDOUT_FILENO);
                                      return correct(in);
                                    }}),
    selftest_sum().add_variant({.name = "on_abacus", .model = "abacus", .run = correct}),
    // Measured at small sizes only (what a pure-Python loop does at 42M elements).
    selftest_sum().add_variant({.name = "small_only",
                                .model = "serial",
                                .run = correct,
                                .skipped_at =
                                    [](const idiombench::Params& p) {
                                      return p.integer("n") > 10000
                                                 ? std::string("too slow above n 10000")
                                                 : std::string();
                                    }}),
    selftest_sum().add_variant({.name = "unavailable",
                                .model = "imaginary_device",
                                .run = correct,
                                .why_unavailable = [] { return std::string("no such device"); }}),
};

}  // namespace
