#include "run/instructions.hpp"

#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "build_info.hpp"
#include "idiombench/model.hpp"
#include "run/cpu_identity.hpp"

#if IDIOMBENCH_HAVE_CALLGRIND
#include <valgrind/callgrind.h>
#endif

namespace idiombench {
namespace {

std::string find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::stringstream folders(path ? path : "/usr/bin:/bin");
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    auto candidate = (folder.empty() ? "." : folder) + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

// The suites' SIMD variants are compiled with -march=<target_isa>: "native" on a CPU
// with AVX-512 means instructions Valgrind cannot decode.
bool compiled_with_avx512() {
#if defined(__x86_64__)
  const std::string isa = build_info::target_isa;
  if (isa == "native") return __builtin_cpu_supports("avx512f");
  return isa.find("avx512") != std::string::npos || isa == "x86-64-v4" ||
         isa.find("skylake-avx512") != std::string::npos ||
         isa.find("sapphirerapids") != std::string::npos;
#else
  return false;  // (Valgrind runs every aarch64 instruction set the compiler emits here)
#endif
}

int open_instruction_counter() {
  perf_event_attr attr;
  std::memset(&attr, 0, sizeof attr);
  attr.size = sizeof attr;
  attr.type = PERF_TYPE_HARDWARE;
  attr.config = PERF_COUNT_HW_INSTRUCTIONS;
  attr.disabled = 1;
  attr.inherit = 1;  // threads the variant starts count too
  attr.exclude_kernel = 1;
  attr.exclude_hv = 1;
  return static_cast<int>(syscall(SYS_perf_event_open, &attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC));
}

bool hardware_counters_usable() {
  const char* forced = std::getenv("IDIOMBENCH_INSTRUCTION_COUNTER");
  if (forced && std::string(forced) == "callgrind") return false;
  return static_cast<bool>(support::UniqueFd(open_instruction_counter()));
}

std::string callgrind_unavailable() {
#if !IDIOMBENCH_HAVE_CALLGRIND
  return "this build has no <valgrind/callgrind.h> (install Debian's valgrind and rebuild)";
#else
  if (find_on_path("valgrind").empty()) return "valgrind is not on PATH (Debian package valgrind)";
  // Under qemu-user the valgrind on PATH is the host's: it cannot run this architecture.
  if (const auto emulated = cpu_identity().emulated; !emulated.empty())
    return "valgrind cannot count an emulated program's instructions (" + emulated + ")";
  return "";
#endif
}

}  // namespace

std::string instruction_counter() {
  static const std::string counter = hardware_counters_usable() ? "perf" : "callgrind";
  return counter;
}

std::string instruction_mode_unavailable() {
  if (instruction_counter() == "perf") return "";
  auto why = callgrind_unavailable();
  return why.empty() ? "" : "no hardware instruction counter here, and " + why;
}

HardwareInstructions::HardwareInstructions() : fd_(open_instruction_counter()) {}

void HardwareInstructions::start() {
  ioctl(fd_.get(), PERF_EVENT_IOC_RESET, 0);
  ioctl(fd_.get(), PERF_EVENT_IOC_ENABLE, 0);
}

std::optional<double> HardwareInstructions::stop() {
  ioctl(fd_.get(), PERF_EVENT_IOC_DISABLE, 0);
  std::uint64_t count = 0;
  if (read(fd_.get(), &count, sizeof count) != static_cast<ssize_t>(sizeof count))
    return std::nullopt;
  return static_cast<double>(count);
}

std::string instruction_mode_warning() {
  if (instruction_counter() == "perf" || !compiled_with_avx512()) return "";
  return "this build targets an ISA with AVX-512 (-march=native here), which Valgrind cannot "
         "execute: benchmarks will crash with SIGILL; build the 'instructions' preset "
         "(cmake --preset instructions) for instruction counts";
}

// What the suite that declared the model says of its instruction counts.
bool instructions_exact_for(const std::string& model) {
  const auto spec = find_model(model);
  return spec && spec->instruction_counts == InstructionCounts::exact;
}

std::string instructions_not_countable(const std::string& model) {
  const auto spec = find_model(model);
  if (!spec || spec->instruction_counts != InstructionCounts::uncountable) return "";
  return "instruction mode: the work of " + model + " variants (" + spec->description +
         ") runs where the instruction counter cannot see it";
}

std::vector<std::string> under_callgrind(const std::vector<std::string>& argv,
                                         const std::string& out_file) {
  std::vector<std::string> wrapped = {find_on_path("valgrind"),
                                      "--tool=callgrind",
                                      "--quiet",
                                      "--collect-atstart=no",
                                      "--dump-instr=no",
                                      "--dump-line=no",
                                      "--callgrind-out-file=" + out_file};
  wrapped.insert(wrapped.end(), argv.begin(), argv.end());
  return wrapped;
}

std::optional<double> callgrind_total(const std::string& out_file) {
  std::ifstream in(out_file);
  std::string line;
  std::optional<double> total;
  while (std::getline(in, line)) {
    for (const std::string key : {"summary:", "totals:"}) {
      if (line.rfind(key, 0) == 0) {
        try {
          total = std::stod(line.substr(key.size()));
        } catch (const std::exception&) {
        }
      }
    }
  }
  return total;
}

void start_counting() {
#if IDIOMBENCH_HAVE_CALLGRIND
  CALLGRIND_ZERO_STATS;
  CALLGRIND_TOGGLE_COLLECT;
#endif
}

void stop_counting() {
#if IDIOMBENCH_HAVE_CALLGRIND
  CALLGRIND_TOGGLE_COLLECT;
#endif
}

bool running_under_valgrind() {
#if IDIOMBENCH_HAVE_CALLGRIND
  return RUNNING_ON_VALGRIND != 0;
#else
  return false;
#endif
}

}  // namespace idiombench
