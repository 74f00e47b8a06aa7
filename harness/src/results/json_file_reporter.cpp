#include "results/json_file_reporter.hpp"

#include "results/sampling_plan.hpp"

namespace idiombench {

JsonFileReporter::JsonFileReporter(Side side, std::string path, nlohmann::json context,
                                   const nlohmann::json& meta)
    : side_(std::move(side)), file_(std::move(path), std::move(context)) {
  file_.meta().update(meta);
  file_.meta()["complete"] = false;
}

void JsonFileReporter::save() {
  file_.save([this] { return all_entries(*side_.benchmarks); });
}

void JsonFileReporter::after_slot(bool) {
  if (file_.due()) save();
}

void JsonFileReporter::finished(const nlohmann::json& cost) {
  file_.meta()["complete"] = true;
  file_.meta()["wall_time_s"] = cost.value("wall_s", 0.0);
  file_.meta()["own_cost"] = cost;
  save();
}

std::string JsonFileReporter::error() const {
  if (file_.write_error().empty()) return "";
  return "results NOT written to " + file_.path() + ": " + file_.write_error();
}

}  // namespace idiombench
