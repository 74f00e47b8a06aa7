#include "run/cpu_identity.hpp"

#if defined(__aarch64__)
#include <asm/hwcap.h>
#include <sys/auxv.h>
#endif

#include <cstdio>
#include <fstream>
#include <map>
#include <utility>

namespace idiombench {
namespace {

// /proc/cpuinfo's fields of the first CPU, by key.
std::map<std::string, std::string> first_cpu_fields() {
  std::ifstream in("/proc/cpuinfo");
  std::map<std::string, std::string> fields;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() && !fields.empty()) break;  // the first CPU's block ends
    const auto colon = line.find(':');
    if (colon == std::string::npos || colon == 0) continue;
    const auto key = line.substr(0, line.find_last_not_of(" \t", colon - 1) + 1);
    fields.emplace(key, colon + 2 <= line.size() ? line.substr(colon + 2) : "");
  }
  return fields;
}

#if defined(__aarch64__)
std::uint64_t number(const std::string& text) {
  try {
    return std::stoull(text, nullptr, 0);
  } catch (...) {
    return 0;
  }
}
#endif

}  // namespace

std::string arm_core_name(std::uint64_t midr) {
  const auto implementer = static_cast<unsigned>((midr >> 24) & 0xff);
  const auto variant = static_cast<unsigned>((midr >> 20) & 0xf);
  const auto part = static_cast<unsigned>((midr >> 4) & 0xfff);
  const auto revision = static_cast<unsigned>(midr & 0xf);
  // The cores people compare in servers and clouds, and the common client ones.
  static const std::map<std::pair<unsigned, unsigned>, const char*> cores = {
      {{0x41, 0xd03}, "Arm Cortex-A53"},
      {{0x41, 0xd04}, "Arm Cortex-A35"},
      {{0x41, 0xd05}, "Arm Cortex-A55"},
      {{0x41, 0xd07}, "Arm Cortex-A57"},
      {{0x41, 0xd08}, "Arm Cortex-A72"},
      {{0x41, 0xd09}, "Arm Cortex-A73"},
      {{0x41, 0xd0a}, "Arm Cortex-A75"},
      {{0x41, 0xd0b}, "Arm Cortex-A76"},
      {{0x41, 0xd0c}, "Arm Neoverse N1"},
      {{0x41, 0xd0d}, "Arm Cortex-A77"},
      {{0x41, 0xd40}, "Arm Neoverse V1"},
      {{0x41, 0xd41}, "Arm Cortex-A78"},
      {{0x41, 0xd44}, "Arm Cortex-X1"},
      {{0x41, 0xd46}, "Arm Cortex-A510"},
      {{0x41, 0xd47}, "Arm Cortex-A710"},
      {{0x41, 0xd48}, "Arm Cortex-X2"},
      {{0x41, 0xd49}, "Arm Neoverse N2"},
      {{0x41, 0xd4a}, "Arm Neoverse E1"},
      {{0x41, 0xd4f}, "Arm Neoverse V2"},
      {{0x41, 0xd80}, "Arm Cortex-A520"},
      {{0x41, 0xd81}, "Arm Cortex-A720"},
      {{0x41, 0xd82}, "Arm Cortex-X4"},
      {{0x41, 0xd84}, "Arm Neoverse V3"},
      {{0x41, 0xd8e}, "Arm Neoverse N3"},
      {{0x43, 0x0af}, "Cavium ThunderX2"},
      {{0x46, 0x001}, "Fujitsu A64FX"},
      {{0x48, 0xd01}, "HiSilicon TSV110 (Kunpeng 920)"},
      {{0x4e, 0x004}, "NVIDIA Carmel"},
      {{0x50, 0x000}, "APM X-Gene"},
      {{0x51, 0x001}, "Qualcomm Oryon"},
      {{0xc0, 0xac3}, "Ampere AmpereOne"},
      {{0xc0, 0xac4}, "Ampere AmpereOne A"},
      {{0x00, 0x051}, "QEMU 'max' CPU"},
  };
  char text[96];
  if (auto found = cores.find({implementer, part}); found != cores.end()) {
    std::snprintf(text, sizeof text, "%s r%up%u", found->second, variant, revision);
  } else {
    std::snprintf(text, sizeof text, "implementer 0x%02x part 0x%03x r%up%u", implementer, part,
                  variant, revision);
  }
  return text;
}

CpuIdentity cpu_identity() {
  const auto fields = first_cpu_fields();
  auto field = [&](const char* key) {
    auto found = fields.find(key);
    return found == fields.end() ? std::string() : found->second;
  };
  CpuIdentity id;
#if defined(__aarch64__)
  // Arm Linux: the Main ID Register's fields. (Ampere Altra and Graviton 2 are Neoverse N1
  // cores, Graviton 3 V1, Graviton 4 and NVIDIA Grace V2.)
  if (!field("CPU implementer").empty()) {
    const auto midr = (number(field("CPU implementer")) << 24) |
                      (number(field("CPU variant")) << 20) | (number(field("CPU part")) << 4) |
                      number(field("CPU revision"));
    id.model = arm_core_name(midr);
    return id;
  }
  // No Arm fields: the kernel showing /proc/cpuinfo is not this program's architecture's,
  // which is what qemu-user does (it passes the host's through). The emulated core answers
  // for itself.
  std::uint64_t midr = 0;
  if (getauxval(AT_HWCAP) & HWCAP_CPUID) asm volatile("mrs %0, midr_el1" : "=r"(midr));
  id.model = midr ? arm_core_name(midr) : "unknown aarch64 CPU";
  const auto host = field("model name");
  id.emulated = "aarch64 code under emulation (qemu-user)" +
                (host.empty() ? std::string() : " on " + host) +
                ": its times are the emulator's, not an Arm CPU's";
#else
  id.model = field("model name");
  if (id.model.empty()) id.model = "unknown";
  // An x86-64 program reading an Arm kernel's /proc/cpuinfo: emulated the other way round.
  if (!field("CPU implementer").empty())
    id.emulated = "x86-64 code under emulation on an Arm host: its times are the emulator's";
#endif
  return id;
}

}  // namespace idiombench
