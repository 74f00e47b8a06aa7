// What an AArch64 relocation of the link did to an instruction word: which of the word's bits
// it wrote (an address field: masked out of the hash) and what the field refers to. The
// code fingerprint of an aarch64 executable is read through the relocations --emit-relocs
// keeps (every instruction is 4 bytes; a field the link filled is all that varies with
// where code and data lie), so it needs no instruction decoder.
#pragma once

#include <cstdint>

namespace idiombench::aarch64 {

struct InstructionField {
  enum class Refers {
    branch,   // b, bl, b.cond, cbz, tbz to another function: the callee (followed)
    page,     // adrp: the 4 KiB page of a symbol; its low 12 bits come in the next field
    address,  // add :lo12:, adr: the address itself is taken
    load,     // ldr/str :lo12:, ldr literal: `bytes` bytes are read there
    got,      // adrp/ldr through the GOT: the symbol's address (an import's, often)
    tls,      // a thread-local's offset: by the symbol's name
    other,    // a type this table does not know: the whole word is masked
  };
  std::uint32_t mask = 0;  // bits of the word the link wrote
  Refers refers = Refers::other;
  unsigned bytes = 0;  // for `load`
};

// The field of R_AARCH64_<type>, or nullopt-like `mask == 0` for data relocations (ABS64,
// PREL32: whole words of data, not instruction fields) and R_AARCH64_NONE.
InstructionField instruction_field(std::uint32_t type);

// Data relocations: the width of the field (8 for ABS64/PREL64, 4 for ABS32/PREL32, 2 for
// ABS16/PREL16; 0: not a data relocation) and whether it holds target - its own address.
unsigned data_field_width(std::uint32_t type);
bool data_field_pc_relative(std::uint32_t type);

}  // namespace idiombench::aarch64
