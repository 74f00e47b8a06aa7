#include "run/environment.hpp"

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
#include <future>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "build_info.hpp"
#include "git_sha.hpp"
#include "idiombench/backend.hpp"
#include "idiombench/model.hpp"
#include "idiombench/registry.hpp"
#include "plan/plan.hpp"
#include "run/cpu_identity.hpp"
#include "run/isolation.hpp"

namespace idiombench {
namespace {

std::string read_first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// The number of distinct physical cores (x86's "physical id" / "core id"; Arm has no SMT).
int physical_core_count() {
  std::ifstream in("/proc/cpuinfo");
  std::string line, physical;
  std::set<std::string> cores;
  while (std::getline(in, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    auto key = line.substr(0, line.find_last_not_of(" \t", colon - 1) + 1);
    auto value = colon + 2 <= line.size() ? line.substr(colon + 2) : "";
    if (key == "physical id") physical = value;
    if (key == "core id") cores.insert(physical + "/" + value);
  }
  return cores.empty() ? static_cast<int>(std::thread::hardware_concurrency())
                       : static_cast<int>(cores.size());
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

// The commit measured: $IDIOMBENCH_GIT_SHA, else the commit this binary was built from
// (recorded at build time, with a "-dirty" mark: cmake/WriteGitSha.cmake).
std::string git_sha() {
  if (const char* forced = std::getenv("IDIOMBENCH_GIT_SHA")) return forced;
  return build_info::git_sha;
}

// When the measured commit was made (ISO 8601), for ordering runs over history:
// $IDIOMBENCH_GIT_DATE, else the built commit's committer date ("" outside git).
std::string git_commit_date() {
  if (const char* forced = std::getenv("IDIOMBENCH_GIT_DATE")) return forced;
  return build_info::git_commit_date;
}

// A warning when the checkout this binary was built from has moved on since: the
// figures are the built commit's, not the one checked out now.
std::optional<std::string> stale_build_warning() {
  if (std::getenv("IDIOMBENCH_GIT_SHA")) return std::nullopt;
  const std::string dir = build_info::source_dir;
  const auto head = command_output("git -C '" + dir + "' rev-parse HEAD 2>/dev/null");
  const std::string built = build_info::git_sha;
  if (head.empty() || built == "unknown" || built.rfind(head, 0) == 0) return std::nullopt;
  return "this binary was built from " + built.substr(0, 12) + " but " + dir + " is now at " +
         head.substr(0, 12) + ": rebuild to measure that commit";
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

// Google Benchmark's own context fields, so its tools read our files.
nlohmann::json benchmark_context(const benchmark::CPUInfo& cpu) {
  return {
      {"date", iso_time_now()},
      {"host_name", benchmark::SystemInfo::Get().name},
      {"executable", "idiombench"},
      {"num_cpus", cpu.num_cpus},
      {"mhz_per_cpu", static_cast<int>(cpu.cycles_per_second / 1.0e6)},
      {"cpu_scaling_enabled", cpu.scaling == benchmark::CPUInfo::ENABLED},
      {"caches", caches_json(cpu)},
      {"load_avg", cpu.load_avg},
      {"library_build_type", build_info::build_type == std::string("Debug") ? "debug" : "release"},
  };
}

// The machine: what it is (a fingerprint stable across reboots and runs: the hardware,
// not the host name or the load) and how it is set up.
nlohmann::json machine_json(const benchmark::CPUInfo& cpu) {
  utsname uts{};
  uname(&uts);
  const auto cpu_id = cpu_identity();
  const auto& model = cpu_id.model;
  const int physical_cores = physical_core_count();
  auto governor = read_first_line("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor");
  // "always [madvise] never": the mode in brackets.
  auto huge_pages = read_first_line("/sys/kernel/mm/transparent_hugepage/enabled");
  if (auto open = huge_pages.find('['), close = huge_pages.find(']');
      open != std::string::npos && close != std::string::npos && close > open) {
    huge_pages = huge_pages.substr(open + 1, close - open - 1);
  }
  const long long memory = memory_bytes();
  long long llc = 0;
  for (const auto& c : cpu.caches) {
    if (c.type != "Instruction") llc = std::max<long long>(llc, c.size);
  }
  std::ostringstream fingerprint;
  fingerprint << model << '|' << cpu.num_cpus << '|' << physical_cores << '|'
              << (memory + (1ll << 29)) / (1ll << 30) << "GiB";
  for (const auto& c : cpu.caches) fingerprint << '|' << c.level << c.type << c.size;
  char machine_id[17];
  std::snprintf(machine_id, sizeof machine_id, "%016llx",
                static_cast<unsigned long long>(fnv1a(fingerprint.str())));
  nlohmann::json machine = {{"machine_id", machine_id},
                            {"cpu_model", model},
                            {"logical_cpus", cpu.num_cpus},
                            {"physical_cores", physical_cores},
                            {"caches", caches_json(cpu)},
                            {"last_level_cache_bytes", llc},
                            {"memory_bytes", memory},
                            {"kernel", std::string(uts.sysname) + " " + uts.release},
                            {"architecture", uts.machine},
                            {"governor", governor.empty() ? "unknown (no cpufreq)" : governor},
                            {"transparent_hugepages", huge_pages.empty() ? "unknown" : huge_pages},
                            {"frequency_scaling", cpu.scaling == benchmark::CPUInfo::ENABLED}};
  if (!cpu_id.emulated.empty()) machine["emulated"] = cpu_id.emulated;
  return machine;
}

nlohmann::json build_json() {
  return {
      {"compiler", build_info::compiler},     {"flags", build_info::flags},
      {"build_type", build_info::build_type}, {"sanitizers", build_info::sanitizers},
      {"target_isa", build_info::target_isa}, {"injected_slowdown", build_info::injected_slowdown}};
}

// Whatever the suites in this binary declared (idiombench/backend.hpp, model.hpp).
// Each backend's status; its warnings, named after it, go to `warnings`.
// `models`: only the backends that serve one of them (or every model); none: all of them.
nlohmann::json backends_json(std::vector<std::string>& warnings,
                             const std::optional<std::set<std::string>>& models = {}) {
  nlohmann::json backends = nlohmann::json::object();
  for (const auto& backend : declared_backends()) {
    const bool used = !models || backend.models.empty() ||
                      std::any_of(backend.models.begin(), backend.models.end(),
                                  [&](const auto& m) { return models->count(m) > 0; });
    if (!used) continue;
    const auto status = backend.probe();
    auto& out = backends[backend.name];
    out["available"] = status.available;
    if (!status.available) out["reason"] = status.reason;
    for (const auto& [key, value] : status.details) out[key] = value;
    for (const auto& warning : status.warnings) warnings.push_back(backend.name + ": " + warning);
  }
  return backends;
}

// The registered variants that `keys` ("suite/case/variant") name.
std::vector<std::pair<std::string, const VariantInfo*>> variants_named(
    const std::vector<std::string>& keys) {
  const std::set<std::string> wanted(keys.begin(), keys.end());
  std::vector<std::pair<std::string, const VariantInfo*>> found;
  for (const auto* c : Registry::instance().cases()) {
    for (const auto& variant : c->variants()) {
      auto key = variant_key(c->info(), variant.name);
      if (wanted.count(key)) found.emplace_back(std::move(key), &variant);
    }
  }
  return found;
}

// The same, from `prober _backends` in a child process. A probe that crashes or hangs
// there costs the backends' details (and the variants' availability), never the run: it
// becomes a warning.
nlohmann::json probed_isolated(const std::string& prober, bool backends,
                               const std::vector<std::string>& variants) {
  constexpr double kProbeSeconds = 120;  // a first CUDA initialisation can take many seconds
  std::vector<std::string> argv = {prober, "_backends"};
  if (!backends) argv.push_back("--no-backends");
  for (const auto& key : variants) argv.insert(argv.end(), {"--variant", key});
  std::string problem;
  try {
    const auto outcome = run_isolated(argv, kProbeSeconds);
    if (outcome.kind == ChildOutcome::Kind::exited && outcome.code == 0)
      return nlohmann::json::parse(outcome.result);
    problem = outcome.kind == ChildOutcome::Kind::timed_out
                  ? "timed out"
                  : (outcome.kind == ChildOutcome::Kind::signaled
                         ? "died of " + describe_signal(outcome.code)
                         : "exited with status " + std::to_string(outcome.code));
  } catch (const std::exception& e) {
    problem = e.what();
  }
  return {{"backends", nlohmann::json::object()},
          {"warnings",
           {"the backends' probe (" + prober + " _backends) " + problem +
            ": their versions and availability are not recorded"}}};
}

// probe_backends_here's answer, from a process of `prober`'s own or (empty) from this one.
nlohmann::json probed(const std::string& prober, bool backends,
                      const std::vector<std::string>& variants) {
  return prober.empty() ? probe_backends_here(backends, variants)
                        : probed_isolated(prober, backends, variants);
}

std::map<std::string, std::string> unavailable_from(const nlohmann::json& probed) {
  std::map<std::string, std::string> unavailable;
  if (!probed.contains("unavailable")) return unavailable;
  for (const auto& [key, reason] : probed["unavailable"].items())
    unavailable[key] = reason.get<std::string>();
  return unavailable;
}

nlohmann::json models_json() {
  nlohmann::json models = nlohmann::json::object();
  for (const auto& model : declared_models()) models[model.name] = model.description;
  return models;
}

// The environment variables that change how the libraries under the variants behave
// (thread counts and binding, BLAS kernels, allocators, devices): a run is only
// comparable with one made under the same ones.
nlohmann::json performance_variables() {
  // GLIBC_TUNABLES: glibc.malloc.hugetlb=1 gives large arrays transparent huge pages
  // where the kernel's mode is madvise (+4% for a plain-store triad, +15% non-temporal).
  static const char* const prefixes[] = {
      "OMP_", "GOMP_",   "KMP_",    "OPENBLAS_", "GOTO_",          "BLIS_",      "MKL_",
      "TBB_", "KOKKOS_", "MALLOC_", "CUDA_",     "GLIBC_TUNABLES", "LD_PRELOAD", "IDIOMBENCH_"};
  static const char* const names[] = {
      "GLIBC_TUNABLES",    "LD_PRELOAD",           "LD_BIND_NOW",        "CUDA_VISIBLE_DEVICES",
      "CUDA_DEVICE_ORDER", "CUDA_LAUNCH_BLOCKING", "CUDA_MODULE_LOADING"};
  nlohmann::json found = nlohmann::json::object();
  for (char** entry = environ; entry && *entry; ++entry) {
    const std::string text = *entry;
    const auto equals = text.find('=');
    if (equals == std::string::npos) continue;
    const std::string name = text.substr(0, equals);
    bool relevant = false;
    for (const char* prefix : prefixes) relevant |= name.rfind(prefix, 0) == 0;
    for (const char* exact : names) relevant |= name == exact;
    if (relevant) found[name] = text.substr(equals + 1);
  }
  return found;
}

// What makes these timings less than representative, said in every results file.
// `stale`: stale_build_warning's answer.
std::vector<std::string> warnings_about(const nlohmann::json& machine,
                                        const std::optional<std::string>& stale) {
  std::vector<std::string> warnings;
  const std::string build_type = build_info::build_type;
  if (build_type != "Release" && build_type != "RelWithDebInfo") {
    warnings.push_back("non-release build (" + build_type +
                       "): timings do not represent optimised code");
  }
  if (stale) warnings.push_back(*stale);
  if (machine.contains("emulated")) warnings.push_back(machine.at("emulated").get<std::string>());
  if (std::string(build_info::sanitizers).size() > 0) {
    warnings.push_back(std::string("sanitizers enabled (") + build_info::sanitizers +
                       "): timings are not representative");
  }
  const std::string governor = machine.at("governor");
  const bool no_cpufreq = governor.rfind("unknown", 0) == 0;
  if (machine.at("frequency_scaling").get<bool>() || (!no_cpufreq && governor != "performance")) {
    warnings.push_back("CPU frequency scaling is on (governor '" +
                       (no_cpufreq ? std::string("unknown") : governor) +
                       "'): expect more run-to-run spread");
  }
  if (std::string(build_info::injected_slowdown).size() > 0) {
    warnings.push_back(std::string("this build injects a slowdown (") +
                       build_info::injected_slowdown +
                       ") for the gate experiment: its figures are not the variants'");
  }
  return warnings;
}

}  // namespace

nlohmann::json probe_backends_here(bool backends, const std::vector<std::string>& variants) {
  nlohmann::json unavailable = nlohmann::json::object();
  std::set<std::string> models;
  for (const auto& [key, variant] : variants_named(variants)) {
    models.insert(variant->model);
    if (auto reason = variant->why_unavailable(); !reason.empty()) unavailable[key] = reason;
  }
  std::vector<std::string> warnings;
  nlohmann::json answer = {{"unavailable", std::move(unavailable)}};
  // A run's backends are those its variants use; `info` (no variants) probes them all.
  if (backends)
    answer["backends"] =
        backends_json(warnings, variants.empty() ? std::nullopt : std::optional(models));
  answer["warnings"] = warnings;
  return answer;
}

std::map<std::string, std::string> probe_availability(const std::string& prober,
                                                      const std::vector<std::string>& variants) {
  if (variants.empty()) return {};
  const auto answer = probed(prober, false, variants);
  for (const auto& warning : answer.value("warnings", nlohmann::json::array()))
    std::fprintf(stderr, "idiombench: warning: %s\n", warning.get<std::string>().c_str());
  return unavailable_from(answer);
}

std::string version_line() {
  return std::string("idiombench ") + build_info::version + " (git " + git_sha() + ")";
}

Environment probe_environment(const std::string& backend_prober,
                              const std::vector<std::string>& variants) {
  // Asking git (~50 ms) and the probe's process (~40 ms) overlap: a run of one short
  // benchmark is not much longer than that.
  auto stale = std::async(std::launch::async, stale_build_warning);
  const auto& cpu = benchmark::CPUInfo::Get();
  Environment env;
  env.benchmark_context = benchmark_context(cpu);
  auto machine = machine_json(cpu);
  auto answer = probed(backend_prober, true, variants);
  env.warnings = warnings_about(machine, stale.get());
  for (const auto& warning : answer.value("warnings", nlohmann::json::array()))
    env.warnings.push_back(warning.get<std::string>());
  env.unavailable = unavailable_from(answer);
  auto backends = std::move(answer["backends"]);
  env.idiombench = {
      {"tool_version", build_info::version},
      {"git_sha", git_sha()},
      {"git_commit_date", git_commit_date()},
      {"build", build_json()},
      {"machine", std::move(machine)},
      {"environment_variables", performance_variables()},
      {"models", models_json()},
      {"backends", std::move(backends)},
      {"warnings", env.warnings},
  };
  return env;
}

void print_warnings(const Environment& environment) {
  for (const auto& warning : environment.warnings) {
    std::fprintf(stderr, "idiombench: warning: %s\n", warning.c_str());
  }
}

}  // namespace idiombench
