// What CPU this is, by name, on x86-64 and on 64-bit Arm, and whether the program runs under
// emulation (qemu-user), whose timings describe the emulator, not a CPU.
//
// x86-64 Linux names the CPU in /proc/cpuinfo ("model name"). 64-bit Arm Linux gives only
// the Main ID Register's fields (implementer, part, variant, revision): the name comes from
// the table in arm_core_name(). Where /proc/cpuinfo has none (qemu-user shows the host's), the
// register itself is read (the kernel, and qemu, let user code read MIDR_EL1).
#pragma once

#include <cstdint>
#include <string>

namespace idiombench {

struct CpuIdentity {
  std::string model;     // "AMD EPYC 9654 96-Core Processor", "Arm Neoverse V2 r0p0"
  std::string emulated;  // empty, or how: "qemu-user: aarch64 code on an x86-64 host (...)"
};

CpuIdentity cpu_identity();

// "Arm Neoverse N1 r4p1" for MIDR_EL1 0x414fd0c1; an unknown core is named by its numbers
// ("implementer 0x41 part 0xd99 r0p0").
std::string arm_core_name(std::uint64_t midr);

}  // namespace idiombench
