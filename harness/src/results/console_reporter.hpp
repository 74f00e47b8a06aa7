// What a person watching a session sees: one progress line per slot on stderr
// ("[12/240] 0:31 elapsed, ETA 9:42  name"), a line for each benchmark that fails, and
// at the end the summary table (median, err%, speedup per case and point), the status
// counts of each side and where the results are.
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "results/reporter.hpp"

namespace idiombench {

class ConsoleReporter final : public Reporter {
 public:
  // `files`: the results files of the sides, in order, named at the end. With
  // `summary`, the table of medians and speedups of the (single) side.
  ConsoleReporter(std::vector<Side> sides, std::size_t slots, std::vector<std::string> files,
                  bool summary, std::ostream& out);

  void before_slot(std::size_t k, const std::string& label) override;
  // The session planned more (or fewer) slots than it first said (`ab --target` rounds).
  void set_slots(std::size_t slots) { slots_ = slots; }
  void after_process(const Side& side, const BenchmarkSamples& benchmark) override;
  void finished(const nlohmann::json& cost) override;

  // The last word of the session: what the reporters lost, or where the results are.
  void conclude(const std::vector<std::unique_ptr<Reporter>>& reporters) const;

 private:
  double elapsed() const;
  std::vector<Side> sides_;
  std::size_t slots_;
  std::vector<std::string> files_;
  bool summary_;
  std::ostream& out_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace idiombench
