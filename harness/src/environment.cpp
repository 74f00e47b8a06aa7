#include "environment.hpp"

#include <benchmark/benchmark.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "build_info.hpp"
#include "idiombench/backend.hpp"
#include "idiombench/model.hpp"
#include "results.hpp"

namespace idiombench {
namespace {

std::string read_first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// "model name : Intel(R) Xeon(R) ..." and the number of distinct physical cores.
std::pair<std::string, int> cpu_model_and_cores() {
  std::ifstream in("/proc/cpuinfo");
  std::string line, model = "unknown", physical;
  std::set<std::string> cores;
  while (std::getline(in, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    auto key = line.substr(0, line.find_last_not_of(" \t", colon - 1) + 1);
    auto value = colon + 2 <= line.size() ? line.substr(colon + 2) : "";
    if (key == "model name" && model == "unknown") model = value;
    if (key == "physical id") physical = value;
    if (key == "core id") cores.insert(physical + "/" + value);
  }
  int count = cores.empty() ? static_cast<int>(std::thread::hardware_concurrency())
                            : static_cast<int>(cores.size());
  return {model, count};
}

long long memory_bytes() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  long long kib = 0;
  while (in >> key) {
    if (key == "MemTotal:") {
      in >> kib;
      return kib * 1024;
    }
    in.ignore(1 << 10, '\n');
  }
  return 0;
}

std::string command_output(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    std::array<char, 256> buffer{};
    while (fgets(buffer.data(), buffer.size(), pipe)) out += buffer.data();
    pclose(pipe);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// The commit measured: $IDIOMBENCH_GIT_SHA, else the source tree's HEAD (with a
// "-dirty" mark), else what configure saw.
std::string git_sha() {
  if (const char* forced = std::getenv("IDIOMBENCH_GIT_SHA")) return forced;
  std::string dir = build_info::source_dir;
  auto sha = command_output("git -C '" + dir + "' rev-parse HEAD 2>/dev/null");
  if (sha.empty()) return build_info::configured_git_sha;
  auto dirty =
      command_output("git -C '" + dir + "' status --porcelain --untracked-files=no 2>/dev/null");
  return dirty.empty() ? sha : sha + "-dirty";
}

// When the measured commit was made (ISO 8601), for ordering runs over history:
// $IDIOMBENCH_GIT_DATE, else HEAD's committer date, else "" (not a git checkout).
std::string git_commit_date() {
  if (const char* forced = std::getenv("IDIOMBENCH_GIT_DATE")) return forced;
  std::string dir = build_info::source_dir;
  return command_output("git -C '" + dir + "' log -1 --format=%cI HEAD 2>/dev/null");
}

std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string iso_time_now() {
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

nlohmann::json caches_json(const benchmark::CPUInfo& cpu) {
  auto caches = nlohmann::json::array();
  for (const auto& c : cpu.caches) {
    caches.push_back(
        {{"type", c.type}, {"level", c.level}, {"size", c.size}, {"num_sharing", c.num_sharing}});
  }
  return caches;
}

}  // namespace

Environment probe_environment() {
  Environment env;
  const auto& cpu = benchmark::CPUInfo::Get();
  const auto& system = benchmark::SystemInfo::Get();
  const bool scaling = cpu.scaling == benchmark::CPUInfo::ENABLED;

  env.benchmark_context = {
      {"date", iso_time_now()},
      {"host_name", system.name},
      {"executable", "idiombench"},
      {"num_cpus", cpu.num_cpus},
      {"mhz_per_cpu", static_cast<int>(cpu.cycles_per_second / 1.0e6)},
      {"cpu_scaling_enabled", scaling},
      {"caches", caches_json(cpu)},
      {"load_avg", cpu.load_avg},
      {"library_build_type", build_info::build_type == std::string("Debug") ? "debug" : "release"},
  };

  utsname uts{};
  uname(&uts);
  auto [model, physical_cores] = cpu_model_and_cores();
  auto governor = read_first_line("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor");
  long long memory = memory_bytes();
  long long llc = 0;
  for (const auto& c : cpu.caches) {
    if (c.type != "Instruction") llc = std::max<long long>(llc, c.size);
  }
  // Stable across reboots and runs: the hardware, not the host name or the load.
  std::ostringstream fingerprint;
  fingerprint << model << '|' << cpu.num_cpus << '|' << physical_cores << '|'
              << (memory + (1ll << 29)) / (1ll << 30) << "GiB";
  for (const auto& c : cpu.caches) fingerprint << '|' << c.level << c.type << c.size;
  char machine_id[17];
  std::snprintf(machine_id, sizeof machine_id, "%016llx",
                static_cast<unsigned long long>(fnv1a(fingerprint.str())));

  // Whatever the suites in this binary declared (idiombench/backend.hpp, model.hpp).
  nlohmann::json backends = nlohmann::json::object();
  for (const auto& backend : declared_backends()) {
    const auto status = backend.probe();
    auto& out = backends[backend.name];
    out["available"] = status.available;
    if (!status.available) out["reason"] = status.reason;
    for (const auto& [key, value] : status.details) out[key] = value;
  }
  nlohmann::json models = nlohmann::json::object();
  for (const auto& model : declared_models()) models[model.name] = model.description;

  const std::string build_type = build_info::build_type;
  if (build_type != "Release" && build_type != "RelWithDebInfo") {
    env.warnings.push_back("non-release build (" + build_type +
                           "): timings do not represent optimised code");
  }
  if (std::string(build_info::sanitizers).size() > 0) {
    env.warnings.push_back(std::string("sanitizers enabled (") + build_info::sanitizers +
                           "): timings are not representative");
  }
  if (scaling || (!governor.empty() && governor != "performance")) {
    env.warnings.push_back("CPU frequency scaling is on (governor '" +
                           (governor.empty() ? std::string("unknown") : governor) +
                           "'): expect more run-to-run spread");
  }

  if (std::string(build_info::injected_slowdown).size() > 0) {
    env.warnings.push_back(std::string("this build injects a slowdown (") +
                           build_info::injected_slowdown +
                           ") for the gate experiment: its figures are not the variants'");
  }

  env.idiombench = {
      {"schema_version", kSchemaVersion},
      {"tool_version", build_info::version},
      {"git_sha", git_sha()},
      {"git_commit_date", git_commit_date()},
      {"build",
       {{"compiler", build_info::compiler},
        {"flags", build_info::flags},
        {"build_type", build_type},
        {"sanitizers", build_info::sanitizers},
        {"target_isa", build_info::target_isa},
        {"injected_slowdown", build_info::injected_slowdown}}},
      {"machine",
       {{"machine_id", machine_id},
        {"cpu_model", model},
        {"logical_cpus", cpu.num_cpus},
        {"physical_cores", physical_cores},
        {"caches", caches_json(cpu)},
        {"last_level_cache_bytes", llc},
        {"memory_bytes", memory},
        {"kernel", std::string(uts.sysname) + " " + uts.release},
        {"architecture", uts.machine},
        {"governor", governor.empty() ? "unknown (no cpufreq)" : governor},
        {"frequency_scaling", scaling}}},
      {"models", models},
      {"backends", backends},
      {"warnings", env.warnings},
  };
  return env;
}

nlohmann::json results_context(const Environment& environment) {
  auto context = environment.benchmark_context;
  context["idiombench"] = environment.idiombench;
  return context;
}

}  // namespace idiombench
