#include "results/console_reporter.hpp"

#include <cstdio>

#include "results/sampling_plan.hpp"
#include "results/summary.hpp"
#include "run/tool_cost.hpp"

namespace idiombench {
namespace {

std::string clock_text(double seconds) {
  auto s = static_cast<long>(seconds + 0.5);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
  return buffer;
}

}  // namespace

ConsoleReporter::ConsoleReporter(std::vector<Side> sides, std::size_t slots,
                                 std::vector<std::string> files, bool summary, std::ostream& out)
    : sides_(std::move(sides)),
      slots_(slots),
      files_(std::move(files)),
      summary_(summary),
      out_(out) {}

double ConsoleReporter::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ConsoleReporter::before_slot(std::size_t k, const std::string& label) {
  const double spent = elapsed();
  const std::string eta =
      k == 0 ? "?" : clock_text(spent / static_cast<double>(k) * static_cast<double>(slots_ - k));
  std::fprintf(stderr, "[%zu/%zu] %s elapsed, ETA %s  %s\n", k + 1, slots_,
               clock_text(spent).c_str(), eta.c_str(), label.c_str());
}

void ConsoleReporter::after_process(const Side& side, const BenchmarkSamples& benchmark) {
  if (!benchmark.settled()) return;
  const auto entries = benchmark.entries();
  if (entries.empty() || entries.at(0).value("status", "") == "ok") return;
  std::fprintf(stderr, "idiombench: %s%s: %s: %s\n",
               side.role.empty() ? "" : (side.role + ": ").c_str(), benchmark.name.c_str(),
               entries.at(0).value("status", "").c_str(),
               entries.at(0).value("reason", "").c_str());
}

void ConsoleReporter::finished(const nlohmann::json& cost) {
  if (summary_ && sides_.size() == 1) print_summary(all_entries(*sides_[0].benchmarks), out_);
  for (const auto& side : sides_) {
    const auto benchmarks = present(side);
    out_ << "\n"
         << (side.role.empty() ? "" : side.role + ": ") << benchmarks.size() << " benchmarks:";
    for (const auto& [status, count] : tally(benchmarks)) out_ << " " << count << " " << status;
  }
  out_ << "\n" << describe_cost(cost) << "\n";
}

void ConsoleReporter::conclude(const std::vector<std::unique_ptr<Reporter>>& reporters) const {
  bool lost = false;
  for (const auto& reporter : reporters) {
    if (reporter->error().empty()) continue;
    std::fprintf(stderr, "idiombench: error: %s\n", reporter->error().c_str());
    lost = true;
  }
  if (lost) return;
  out_ << "\nresults:";
  for (const auto& file : files_) out_ << " " << file;
  out_ << "\n";
  if (files_.size() == 2) {
    out_ << "compare: idiombench-report compare " << files_[0] << " " << files_[1] << "\n";
  }
}

}  // namespace idiombench
