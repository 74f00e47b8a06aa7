#include "gate/aarch64_relocation.hpp"

#include <elf.h>

namespace idiombench::aarch64 {

namespace {
// The immediate fields of the A64 encodings relocations write.
constexpr std::uint32_t kImm26 = 0x03ffffffU;     // b, bl
constexpr std::uint32_t kImm19 = 0x00ffffe0U;     // b.cond, cbz, ldr literal
constexpr std::uint32_t kImm14 = 0x0007ffe0U;     // tbz, tbnz
constexpr std::uint32_t kAdrImm = 0x60ffffe0U;    // adr, adrp: immlo (29-30), immhi (5-23)
constexpr std::uint32_t kImm12 = 0x003ffc00U;     // add, ldr/str (unsigned offset)
constexpr std::uint32_t kMovImm16 = 0x001fffe0U;  // movz, movk
constexpr std::uint32_t kWord = 0xffffffffU;
constexpr std::uint32_t kAllButRd = 0xffffffe0U;  // all but the register written (bits 0-4)
}  // namespace

InstructionField instruction_field(std::uint32_t type) {
  using R = InstructionField::Refers;
  switch (type) {
    case R_AARCH64_CALL26:
    case R_AARCH64_JUMP26:
      return {kImm26, R::branch};
    case R_AARCH64_CONDBR19:
      return {kImm19, R::branch};
    case R_AARCH64_TSTBR14:
      return {kImm14, R::branch};
    // lld relaxes `adrp xd, sym; add xd, xd, :lo12:sym` into `nop; adr xd, sym` where sym
    // is within 1 MiB, so which pair a build holds depends on where things landed: the
    // page's word is masked whole, and of the add only the register it writes is kept
    // (what both forms share).
    case R_AARCH64_ADR_PREL_PG_HI21:
    case R_AARCH64_ADR_PREL_PG_HI21_NC:
      return {kWord, R::page};
    case R_AARCH64_ADR_PREL_LO21:
      return {kAdrImm, R::address};
    case R_AARCH64_ADD_ABS_LO12_NC:
      return {kAllButRd, R::address};
    case R_AARCH64_LDST8_ABS_LO12_NC:
      return {kImm12, R::load, 1};
    case R_AARCH64_LDST16_ABS_LO12_NC:
      return {kImm12, R::load, 2};
    case R_AARCH64_LDST32_ABS_LO12_NC:
      return {kImm12, R::load, 4};
    case R_AARCH64_LDST64_ABS_LO12_NC:
      return {kImm12, R::load, 8};
    case R_AARCH64_LDST128_ABS_LO12_NC:
      return {kImm12, R::load, 16};
    case R_AARCH64_LD_PREL_LO19:
      return {kImm19, R::load, 8};
    // A GOT load is relaxed the same ways (into adrp + add, or nop + adr) when the symbol
    // is in the executable.
    case R_AARCH64_ADR_GOT_PAGE:
      return {kWord, R::got};
    case R_AARCH64_LD64_GOT_LO12_NC:
    case R_AARCH64_LD64_GOTPAGE_LO15:
      return {kAllButRd, R::got};
    case R_AARCH64_MOVW_UABS_G0:
    case R_AARCH64_MOVW_UABS_G0_NC:
    case R_AARCH64_MOVW_UABS_G1:
    case R_AARCH64_MOVW_UABS_G1_NC:
    case R_AARCH64_MOVW_UABS_G2:
    case R_AARCH64_MOVW_UABS_G2_NC:
    case R_AARCH64_MOVW_UABS_G3:
      return {kMovImm16, R::address};
    case R_AARCH64_NONE:
    case R_AARCH64_ABS64:
    case R_AARCH64_ABS32:
    case R_AARCH64_ABS16:
    case R_AARCH64_PREL64:
    case R_AARCH64_PREL32:
    case R_AARCH64_PREL16:
      return {};
    default:
      break;
  }
  // Thread-local storage (local-exec, initial-exec, descriptors): the linker rewrites whole
  // instructions when it relaxes the access model, the same way in both builds; the
  // variable is told by its name.
  if (type >= R_AARCH64_TLSGD_ADR_PREL21 && type <= R_AARCH64_TLSDESC_CALL) return {kWord, R::tls};
  return {kWord, R::other};
}

unsigned data_field_width(std::uint32_t type) {
  switch (type) {
    case R_AARCH64_ABS64:
    case R_AARCH64_PREL64:
      return 8;
    case R_AARCH64_ABS32:
    case R_AARCH64_PREL32:
      return 4;
    case R_AARCH64_ABS16:
    case R_AARCH64_PREL16:
      return 2;
    default:
      return 0;
  }
}

bool data_field_pc_relative(std::uint32_t type) {
  return type == R_AARCH64_PREL64 || type == R_AARCH64_PREL32 || type == R_AARCH64_PREL16;
}

}  // namespace idiombench::aarch64
