#include "results/results.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

namespace idiombench {
namespace {

// Room a results file needs (a full run's is a few MiB; its temporary copy as much).
constexpr double kLeastFreeBytes = 16.0 * (1 << 20);

nlohmann::json params_json(const Params& params) {
  auto out = nlohmann::json::object();
  for (const auto& [key, value] : params.items()) {
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      out[key] = *number;
    } else {
      out[key] = std::get<std::string>(value);
    }
  }
  return out;
}

bool timed(const nlohmann::json& entry) {
  return entry.value("status", "") == "ok" && entry.value("run_type", "") == "iteration";
}

std::string system_error(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

}  // namespace

nlohmann::json results_context(const Environment& environment) {
  auto context = environment.benchmark_context;
  context["idiombench"] = environment.idiombench;
  context["idiombench"]["schema_version"] = kSchemaVersion;
  return context;
}

nlohmann::json identity_of(const PlannedBenchmark& benchmark, const std::string& code_fingerprint) {
  const auto& info = benchmark.info();
  nlohmann::json identity = {{"suite", info.suite},
                             {"case", info.name},
                             {"variant", benchmark.variant_info().name},
                             {"model", benchmark.variant_info().model},
                             {"params", params_json(benchmark.params)},
                             {"shared_params", params_json(shared_params(benchmark))},
                             {"question", info.question},
                             {"baseline", info.baseline},
                             {"item", info.item}};
  if (!code_fingerprint.empty()) identity["code_fingerprint"] = code_fingerprint;
  if (!benchmark.variant_info().counterpart.empty())
    identity["counterpart"] = benchmark.variant_info().counterpart;
  const auto& limit = info.physical_limit_for(benchmark.variant_info().model);
  if (!limit.of.empty() && (!limit.applies_at || limit.applies_at(benchmark.params)))
    identity["physical_limit"] = {{"of", limit.of}, {"counter", limit.counter}};
  return identity;
}

nlohmann::json untimed_entry(const std::string& name, const nlohmann::json& identity,
                             const std::string& status, const std::string& reason) {
  nlohmann::json entry = {{"name", name},      {"run_name", name},       {"run_type", "iteration"},
                          {"repetitions", 0},  {"repetition_index", 0},  {"threads", 1},
                          {"iterations", 0},   {"real_time", 0.0},       {"cpu_time", 0.0},
                          {"time_unit", "ns"}, {"error_occurred", true}, {"error_message", reason}};
  entry.update(identity);
  entry["status"] = status;
  entry["reason"] = reason;
  entry["verified"] = false;
  entry["checksum"] = nullptr;
  return entry;
}

// A limit is the best figure measured in this run by the limit's own case (compute/peak:
// several ways to move memory) or by any benchmark the limit applies to: a variant that
// beats every way the limit case knows is itself the best known way, so no fraction
// exceeds 1. Each limited entry records the figure and which benchmark gave it.
void apply_physical_limits(nlohmann::json& benchmarks) {
  struct Best {
    double value = 0;
    std::string measured_by;
  };
  std::map<std::pair<std::string, std::string>, Best> best;  // (suite/case, counter)
  std::set<std::string> timed_cases;
  auto offer = [&](const std::string& of, const std::string& counter, const nlohmann::json& entry) {
    if (!entry.contains(counter) || !entry[counter].is_number()) return;
    auto& slot = best[{of, counter}];
    if (const double value = entry[counter].get<double>(); value > slot.value)
      slot = {value, entry.value("name", "")};
  };
  for (const auto& entry : benchmarks) {
    if (!timed(entry)) continue;
    auto of = entry.value("suite", "") + "/" + entry.value("case", "");
    timed_cases.insert(of);
    for (const auto& [key, value] : entry.items()) {
      if (value.is_number()) offer(of, key, entry);
    }
    if (entry.contains("physical_limit"))
      offer(entry["physical_limit"].at("of"), entry["physical_limit"].at("counter"), entry);
  }
  for (auto& entry : benchmarks) {
    if (!timed(entry) || !entry.contains("physical_limit")) continue;
    auto& limit = entry["physical_limit"];
    const std::string counter = limit.at("counter");
    auto found = best.find({limit.at("of"), counter});
    if (found == best.end() || found->second.value <= 0 || !entry.contains(counter)) continue;
    // Only where the limit's own case ran: without it the run has no independent figure
    // for this machine, and the best variant would read 1.0 by definition.
    if (!timed_cases.contains(limit.at("of").get<std::string>())) continue;
    limit["value"] = found->second.value;
    limit["measured_by"] = found->second.measured_by;
    entry["fraction_of_peak"] = entry[counter].get<double>() / found->second.value;
  }
}

void check_writable(const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty()) throw UsageError("--out is empty: name a results file");
  std::error_code error;
  const auto status = fs::status(path, error);
  if (fs::is_directory(status)) throw UsageError("--out " + path + " is a folder");
  // Never a device, a pipe or a socket: the results file replaces what is there.
  if (fs::exists(status) && !fs::is_regular_file(status))
    throw UsageError("--out " + path + " exists and is not a regular file");
  auto folder = fs::path(path).parent_path();
  if (folder.empty()) folder = ".";
  auto probe = (folder / ".idiombench-write-test.XXXXXX").string();
  int fd = mkstemp(probe.data());
  if (fd < 0) throw UsageError("cannot write results to " + path + ": " + std::strerror(errno));
  close(fd);
  unlink(probe.c_str());
  // A full disk is noticed now, not after every benchmark ran.
  if (struct statvfs fs_info; ::statvfs(folder.c_str(), &fs_info) == 0) {
    const auto free_bytes = static_cast<double>(fs_info.f_bavail) * fs_info.f_frsize;
    if (free_bytes < kLeastFreeBytes) {
      throw UsageError(
          fmt::format("only {:.1f} MiB free where --out {} goes; at least {:.0f} needed",
                      free_bytes / (1 << 20), path, kLeastFreeBytes / (1 << 20)));
    }
  }
}

void write_atomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  auto folder = fs::path(path).parent_path();
  if (folder.empty()) folder = ".";
  auto temporary = (folder / (fs::path(path).filename().string() + ".tmp.XXXXXX")).string();
  int fd = mkstemp(temporary.data());
  if (fd < 0) throw std::runtime_error(system_error("cannot create a file next to", path));
  auto fail = [&](const std::string& what) {
    auto message = system_error(what, temporary);
    close(fd);
    unlink(temporary.c_str());
    throw std::runtime_error(message);
  };
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    auto n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (fchmod(fd, 0644) != 0 || fsync(fd) != 0) fail("cannot sync");
  if (close(fd) != 0) {
    auto message = system_error("cannot close", temporary);
    unlink(temporary.c_str());
    throw std::runtime_error(message);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    auto message = system_error("cannot rename onto", path);
    unlink(temporary.c_str());
    throw std::runtime_error(message);
  }
  int dir = open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    fsync(dir);
    close(dir);
  }
}

ResultsFile::ResultsFile(std::string path, nlohmann::json context)
    : path_(std::move(path)),
      document_({{"context", std::move(context)}, {"benchmarks", nlohmann::json::array()}}) {}

bool ResultsFile::due() const {
  const std::chrono::steady_clock::duration wait =
      std::max<std::chrono::steady_clock::duration>(std::chrono::seconds(1), 50 * save_took_);
  return std::chrono::steady_clock::now() - saved_ >= wait;
}

void follow_google_benchmark_conventions(nlohmann::json& entries) {
  for (auto& entry : entries) {
    // "threads" is the parallelism of the run, as in .../threads:2 of the name.
    if (const auto params = entry.find("params"); params != entry.end()) {
      if (const auto threads = params->find("threads");
          threads != params->end() && threads->is_number_integer() && threads->get<int>() >= 1) {
        entry["threads"] = *threads;
      }
    }
    // Skipped is not an error: Google Benchmark writes skipped/skip_message for it.
    if (entry.value("status", "") == "skipped") {
      entry.erase("error_occurred");
      entry.erase("error_message");
      entry["skipped"] = true;
      entry["skip_message"] = entry.value("reason", "");
    }
  }
}

void ResultsFile::save(const std::function<nlohmann::json()>& make_entries) {
  saved_ = std::chrono::steady_clock::now();
  auto entries = make_entries();
  apply_physical_limits(entries);
  follow_google_benchmark_conventions(entries);
  // Only figures in "benchmarks": a reader of Google Benchmark's format (compare.py's
  // geometric mean, github-action-benchmark) would take an untimed entry's 0 for a time.
  nlohmann::json timed = nlohmann::json::array(), untimed = nlohmann::json::array();
  for (auto& entry : entries) {
    (entry.value("status", "ok") == "ok" ? timed : untimed).push_back(std::move(entry));
  }
  document_["benchmarks"] = std::move(timed);
  document_["untimed"] = std::move(untimed);
  try {
    write_atomically(path_, document_.dump(1));
    write_error_.clear();
  } catch (const std::exception& e) {
    if (write_error_.empty()) std::fprintf(stderr, "idiombench: error: %s\n", e.what());
    write_error_ = e.what();
  }
  save_took_ = std::chrono::steady_clock::now() - saved_;
}

}  // namespace idiombench
