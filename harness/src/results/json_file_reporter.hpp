// Keeps one side's results file current: rewritten atomically at most once a second
// and whenever a benchmark settles, so a crash or a kill loses nothing measured; marked
// complete at the end.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "results/reporter.hpp"
#include "results/results.hpp"

namespace idiombench {

class JsonFileReporter final : public Reporter {
 public:
  // `meta`: the session's fields of context.idiombench besides the environment's.
  JsonFileReporter(Side side, std::string path, nlohmann::json context, const nlohmann::json& meta);

  void after_slot(bool settled) override;
  void finished(const nlohmann::json& cost) override;
  std::string error() const override;

  const ResultsFile& file() const { return file_; }

 private:
  void save();
  Side side_;
  ResultsFile file_;
};

}  // namespace idiombench
