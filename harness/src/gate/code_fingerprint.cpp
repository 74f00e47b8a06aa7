#include "gate/code_fingerprint.hpp"

#include <Zydis/Zydis.h>
#include <dlfcn.h>
#include <elf.h>
#include <link.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "gate/aarch64_relocation.hpp"
#include "gate/elf_file.hpp"
#include "gate/header_library.hpp"

namespace idiombench {
namespace {

using elf::Section;
using elf::Symbol;
using Relocation = elf::File::Relocation;

// FNV-1a, 64 bits: stable across builds and machines, which std::hash is not.
class Hasher {
 public:
  void add(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) {
      value_ ^= p[i];
      value_ *= 0x100000001b3ULL;
    }
  }
  void add(const std::string& text) {
    add(text.data(), text.size());
    add("\0", 1);  // so that "ab"+"c" and "a"+"bc" differ
  }
  void add(std::uint64_t number) { add(&number, sizeof number); }
  std::uint64_t value() const { return value_; }

 private:
  std::uint64_t value_ = 0xcbf29ce484222325ULL;
};

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

// What one function's code says, once normalised: its hash and where it leads.
struct FunctionCode {
  std::uint64_t hash = 0;
  std::size_t bytes = 0;
  std::vector<std::uint64_t> reaches;  // other functions (their start addresses)
  std::set<std::string> imports;       // shared-library symbols it calls or reads
};

// The build-id of each loaded shared object, by path: what identifies a library's code.
std::map<std::string, std::string> loaded_build_ids() {
  std::map<std::string, std::string> ids;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* out) {
        auto& result = *static_cast<std::map<std::string, std::string>*>(out);
        if (!info->dlpi_name || !*info->dlpi_name) return 0;
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const auto& ph = info->dlpi_phdr[i];
          if (ph.p_type != PT_NOTE) continue;
          const auto* p = reinterpret_cast<const unsigned char*>(info->dlpi_addr + ph.p_vaddr);
          const auto* end = p + ph.p_memsz;
          while (p + sizeof(ElfW(Nhdr)) <= end) {
            const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
            const auto* name = p + sizeof(ElfW(Nhdr));
            const auto* desc = name + ((note->n_namesz + 3) & ~3U);
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 &&
                std::memcmp(name, "GNU", 4) == 0) {
              std::string id;
              for (unsigned k = 0; k < note->n_descsz; ++k) {
                char byte[3];
                std::snprintf(byte, sizeof byte, "%02x", desc[k]);
                id += byte;
              }
              result[info->dlpi_name] = id;
            }
            p = desc + ((note->n_descsz + 3) & ~3U);
          }
        }
        return 0;
      },
      &ids);
  return ids;
}

// One decoded instruction and its operands.
struct Instruction {
  ZydisDecodedInstruction info;
  ZydisDecodedOperand operands[ZYDIS_MAX_OPERAND_COUNT];
  std::uint64_t address;
  // The absolute address an operand refers to (RIP-relative or relative branch), if any.
  std::optional<std::uint64_t> target(const ZydisDecodedOperand& op) const {
    ZyanU64 result = 0;
    if (ZYAN_SUCCESS(ZydisCalcAbsoluteAddress(&info, &op, address, &result))) return result;
    return std::nullopt;
  }
};

bool has_rip_operand(const Instruction& insn) {
  for (int o = 0; o < insn.info.operand_count_visible; ++o) {
    if (insn.operands[o].type == ZYDIS_OPERAND_TYPE_MEMORY &&
        insn.operands[o].mem.base == ZYDIS_REGISTER_RIP)
      return true;
  }
  return false;
}

bool has_relative_operand(const Instruction& insn) {
  for (int o = 0; o < insn.info.operand_count_visible; ++o) {
    if (insn.operands[o].type == ZYDIS_OPERAND_TYPE_IMMEDIATE && insn.operands[o].imm.is_relative)
      return true;
  }
  return false;
}

// Zeroes `size` bytes of an instruction from `offset` (an address field).
void clear_field(std::vector<unsigned char>& bytes, std::size_t offset, std::size_t size) {
  if (offset == 0) return;
  for (std::size_t i = offset; i < offset + size && i < bytes.size(); ++i) bytes[i] = 0;
}

// The C API of a library linked in statically (CPython's libpython.a, which the python
// model embeds): its entry points end the walk, as a shared library's would. Its code is a
// Debian package's, not this project's; the python variants add its version.
bool embedded_library(const std::string& name) {
  const auto api = name.rfind("_Py", 0) == 0 ? 3 : name.rfind("Py", 0) == 0 ? 2 : 0;
  return api > 0 && name.size() > static_cast<std::size_t>(api) &&
         (std::isupper(static_cast<unsigned char>(name[api])) || name[api] == '_');
}

// How many bytes a memory operand reads (0 for lea, which only takes the address).
std::uint64_t loaded_size(const Instruction& insn, const ZydisDecodedOperand& op) {
  if (insn.info.mnemonic == ZYDIS_MNEMONIC_LEA) return 0;
  return std::min<std::uint64_t>(op.size ? op.size / 8 : 8, 64);
}

}  // namespace

struct CodeImage::Impl : elf::File {
  std::uintptr_t bias = 0;
  bool loaded_here = false;         // the image of this process: libraries can be asked
  const void* main_base = nullptr;  // where dladdr says the executable starts
  std::unordered_map<std::uint64_t, FunctionCode> analysed;
  std::map<std::string, std::string> library_of_import;              // import -> library identity
  std::unordered_map<std::uint64_t, std::string> header_library_at;  // function -> its library
  std::string header_versions;  // what identifies the header libraries (set_header_versions)
  std::map<std::string, std::string> build_ids;
  ZydisDecoder decoder;
  bool trace_instructions = std::getenv("IDIOMBENCH_FINGERPRINT_TRACE") &&
                            std::string(std::getenv("IDIOMBENCH_FINGERPRINT_TRACE")) == "2";
  std::mutex mutex;

  void load(const std::string& path) {
    elf::File::load(path);
    if (machine == EM_X86_64 &&
        !ZYAN_SUCCESS(ZydisDecoderInit(&decoder, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64)))
      throw std::runtime_error("Zydis cannot make an x86-64 decoder");
  }

  // Why this image gives no fingerprints, or empty. AArch64 code is read through the link's
  // relocations alone: without them an address in an instruction cannot be told from a
  // number.
  std::string why_not() const {
    if (machine == EM_AARCH64 && !exact())
      return "aarch64 code is fingerprinted through the link's relocations: link with "
             "-Wl,--emit-relocs (ci/gate.sh does)";
    return {};
  }

  // The header library `function` was instantiated from (header_library.hpp), or empty.
  const std::string& header_library(const Symbol& function) {
    auto found = header_library_at.find(function.address);
    if (found != header_library_at.end()) return found->second;
    return header_library_at[function.address] = header_library_of(function.name);
  }

  // The shared library that provides `import`, as its identity (build-id when the library
  // carries one). Only an image of this process can ask the dynamic linker.
  std::string library_of(const std::string& import) {
    auto found = library_of_import.find(import);
    if (found != library_of_import.end()) return found->second;
    std::string identity = "unresolved";
    if (loaded_here) {
      Dl_info info{};
      void* address = dlsym(RTLD_DEFAULT, import.c_str());
      if (address && dladdr(address, &info) && info.dli_fname) {
        // Resolved in the executable itself (a copy-relocated object): its code is here.
        if (info.dli_fbase == main_base) return library_of_import[import] = "executable";
        auto id = build_ids.find(info.dli_fname);
        identity = id != build_ids.end() ? "build-id:" + id->second
                                         : std::string("file:") + info.dli_fname;
      }
    }
    return library_of_import[import] = identity;
  }

  // The import a PLT stub (or a GOT slot) at `address` goes to, or empty.
  bool decode(const unsigned char* code, std::size_t length, std::uint64_t address,
              Instruction& out) const {
    out.address = address;
    return ZYAN_SUCCESS(ZydisDecoderDecodeFull(&decoder, code, length, &out.info, out.operands));
  }

  std::string import_at(std::uint64_t address) {
    auto slot = slot_names.find(address);
    if (slot != slot_names.end()) return slot->second;
    // (An aarch64 call to an import names it in its relocation: no PLT stub is read.)
    if (machine != EM_X86_64) return {};
    const Section* s = section_of(address);
    if (!s || s->name.rfind(".plt", 0) != 0) return {};
    std::uint64_t available = 0;
    const auto* code = bytes_at(address, available);
    if (!code) return {};
    std::string name;
    std::uint64_t at = address;
    const std::uint64_t end = address + std::min<std::uint64_t>(available, 16);
    Instruction insn;
    for (int i = 0; i < 2 && at < end && name.empty(); ++i) {
      if (!decode(code + (at - address), end - at, at, insn)) break;
      for (int o = 0; o < insn.info.operand_count_visible; ++o) {
        const auto& op = insn.operands[o];
        if (op.type == ZYDIS_OPERAND_TYPE_MEMORY && op.mem.base == ZYDIS_REGISTER_RIP) {
          if (auto target = insn.target(op)) {
            auto named = slot_names.find(*target);
            if (named != slot_names.end()) name = named->second;
          }
        }
      }
      at += insn.info.length;
    }
    return name;
  }

  // Function starts a read-only table (a vtable, a table of function pointers) holds.
  void pointers_in(const Symbol& table, FunctionCode& code, Hasher& hash) {
    for (std::uint64_t word = table.address; word + 8 <= table.address + table.size; word += 8) {
      auto rel = relative.find(word);
      if (rel != relative.end()) {
        if (const Symbol* f = containing(functions, rel->second)) {
          hash.add("ptr:" + f->name);
          hash.add(rel->second - f->address);
          code.reaches.push_back(f->address);
        }
        continue;
      }
      auto sym = symbolic_words.find(word);
      if (sym != symbolic_words.end()) {
        hash.add("ptr-import:" + sym->second);
        code.imports.insert(sym->second);
      }
    }
  }

  // The normalised reference to `target` from an instruction of `self`.
  // Read-only data of a -no-pie image at `address`: its aligned 8-byte words that hold a
  // code address (a constant-pool function pointer, a computed-goto table) hashed as which
  // function and where, and those functions reached; the other bytes as they are.
  // A word counts as a code address when it is a function's start, or when every nonzero
  // aligned word of the data points into code (a table of labels); a number that merely
  // falls in the code's address range (a Fibonacci table) is left as it is.
  void hash_words(std::uint64_t address, const unsigned char* data, std::uint64_t n,
                  FunctionCode& code, Hasher& hash) {
    // A table of code addresses, and a table of addresses of any kind.
    bool table = address % 8 == 0 && n >= 16, pointers = address % 8 == 0 && n >= 8;
    for (std::uint64_t i = 0; (table || pointers) && i + 8 <= n; i += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, data + i, 8);
      table = table && (word == 0 || containing(functions, word) != nullptr);
      // small numbers (lengths, flags) may sit beside the pointers of a table of structs
      pointers = pointers && (word < 0x10000 || section_of(word) != nullptr);
    }
    for (std::uint64_t i = 0; i < n;) {
      std::uint64_t word = 0;
      const Symbol* f = nullptr;
      if ((address + i) % 8 == 0 && i + 8 <= n) {
        std::memcpy(&word, data + i, 8);
        f = containing(functions, word);
        if (f && !table && f->address != word) f = nullptr;
      }
      if (f) {
        hash.add("ptr:" + f->name);
        hash.add(word - f->address);
        code.reaches.push_back(f->address);
        i += 8;
      } else if (pointers && (address + i) % 8 == 0 && i + 8 <= n && data_pointer(word, hash)) {
        i += 8;  // a pointer to data (a table of strings, of objects): which, not where
      } else {
        hash.add(data + i, 1);
        ++i;
      }
    }
  }

  // In a -no-pie image, a word of a table of addresses that points at data: hashed as the
  // object (and offset) or, for anonymous data (string literals), the section it points
  // into. False otherwise. (Only in tables whose every word is an address: a number that
  // merely falls in the image's range, among others that do not, stays a number.)
  bool data_pointer(std::uint64_t word, Hasher& hash) const {
    if (!absolute || word < 0x10000) return false;
    if (const Symbol* o = containing(objects, word); o && o->size > 0) {
      hash.add("data-ptr:" + o->name);
      hash.add(word - o->address);
      return true;
    }
    const Section* s = section_of(word);
    if (!s || (s->flags & SHF_EXECINSTR)) return false;
    hash.add("section-ptr:" + s->name);
    return true;
  }

  // Data at `address`, with every relocated field (an address the link wrote) hashed as
  // what it points at: a function (then reached), an object, or a section.
  void hash_relocated(std::uint64_t address, const unsigned char* data, std::uint64_t n,
                      FunctionCode& code, Hasher& hash) {
    auto next = emitted.lower_bound(address);
    for (std::uint64_t i = 0; i < n;) {
      if (next != emitted.end() && next->first == address + i && i + next->second.width <= n) {
        // A PC-relative entry of a table at `address` (a PIC jump table: label - table)
        // was assembled as S + A - P with A carrying P's distance from the table.
        const auto& r = next->second;
        pointed_at(r.pc_relative ? r.target - i : r.target, code, hash, /*follow=*/true);
        i += next->second.width;
        ++next;
        continue;
      }
      hash.add(data + i, 1);
      ++i;
      while (next != emitted.end() && next->first < address + i) ++next;
    }
  }

  // What an address written by the link points at, by name and offset.
  void pointed_at(std::uint64_t target, FunctionCode& code, Hasher& hash, bool follow) {
    if (trace_instructions) {
      const Symbol* f = containing(functions, target);
      const Symbol* o = containing(objects, target);
      std::fprintf(stderr, "    => %s %s %s\n", f ? f->name.c_str() : "-",
                   o ? o->name.c_str() : "-",
                   section_of(target) ? section_of(target)->name.c_str() : "-");
    }
    if (const Symbol* f = containing(functions, target)) {
      if (embedded_library(f->name)) {
        hash.add("embedded:" + f->name);
        return;
      }
      hash.add("ptr:" + f->name);
      hash.add(target - f->address);
      if (follow) code.reaches.push_back(f->address);
    } else if (const Symbol* o = containing(objects, target); o && o->size > 0) {
      hash.add("data-ptr:" + o->name);
      hash.add(target - o->address);
    } else if (const Section* s = section_of(target)) {
      hash.add("section-ptr:" + s->name);
    } else {
      hash.add(std::string("ptr:outside"));
    }
  }

  // How many bytes at `target` an address taken there stands for: the first 16, or a C
  // string's bytes with its NUL when they are printable text that no relocated field
  // overlaps. (The linker merges string literals into one run, so the bytes after a
  // literal's NUL are another object's strings: an unrelated edit there changed them.) A
  // NUL where no data object lies is the empty literal "" (`{"", error}` in io's curl
  // code changed with a never-called function's literals in a memoization file).
  std::uint64_t string_or_16(std::uint64_t target, const unsigned char* data,
                             std::uint64_t available) const {
    const auto window = std::min<std::uint64_t>(available, 16);
    std::uint64_t k = 0;
    while (k < window && data[k] != 0 &&
           ((data[k] >= 0x20 && data[k] < 0x7f) || data[k] == '\t' || data[k] == '\n'))
      ++k;
    if (k >= window || data[k] != 0) return window;
    if (k == 0 && containing(objects, target)) return window;  // a table that starts with 0
    const auto field = emitted.lower_bound(target);
    if (field != emitted.end() && field->first <= target + k) return window;
    return k + 1;
  }

  // `loaded`: how many bytes the instruction reads there (0: it takes the address).
  void reference(std::uint64_t target, const Symbol& self, bool branch, FunctionCode& code,
                 Hasher& hash, std::uint64_t loaded = 0) {
    if (trace_instructions) {
      const Symbol* f = containing(functions, target);
      const Symbol* o = containing(objects, target);
      const Section* sec = section_of(target);
      std::fprintf(stderr, "    -> %s+%llu %s %s\n", f ? f->name.c_str() : "-",
                   f ? static_cast<unsigned long long>(target - f->address) : 0ULL,
                   o ? o->name.c_str() : "-", sec ? sec->name.c_str() : "-");
    }
    if (self.contains_address(target)) {
      hash.add(std::string("self"));
      hash.add(target - self.address);
      return;
    }
    if (auto import = import_at(target); !import.empty()) {
      hash.add("import:" + import);
      code.imports.insert(import);
      return;
    }
    if (const Symbol* f = containing(functions, target); f && embedded_library(f->name)) {
      hash.add("embedded:" + f->name);  // the library's version is the caller's to add
      return;
    }
    if (const Symbol* f = containing(functions, target)) {
      hash.add("fn:" + f->name);
      hash.add(target - f->address);
      code.reaches.push_back(f->address);
      return;
    }
    if (branch) {
      hash.add(std::string("branch:unknown"));
      return;
    }
    const Section* s = section_of(target);
    const bool read_only = s && !(s->flags & SHF_WRITE);
    const bool relro = s && s->name == ".data.rel.ro";
    if (const Symbol* object = containing(objects, target)) {
      hash.add("obj:" + object->name);
      hash.add(target - object->address);
      if (read_only || relro) {
        std::uint64_t available = 0;
        const auto* data = bytes_at(object->address, available);
        const auto n = data ? std::min<std::uint64_t>({available, object->size, 4096}) : 0;
        if (exact() && data) {
          hash_relocated(object->address, data, n, code, hash);
        } else if (absolute) {
          // A -no-pie table of code addresses (computed gotos, function pointers): which
          // function, where, rather than the addresses; and those functions are reached.
          hash_words(object->address, data, n, code, hash);
        } else if (data && !relro) {
          hash.add(data, n);
        }
        pointers_in(*object, code, hash);
      }
      return;
    }
    // An anonymous constant (a literal, a vector of coefficients): its bytes, not where.
    hash.add("section:" + (s ? s->name : std::string("?")));
    std::uint64_t available = 0;
    if (!read_only) return;
    const auto* data = bytes_at(target, available);
    if (!data) return;
    // With the link's relocations: the bytes a load reads, or the first 16 of what an
    // address points at (a string literal: up to its NUL), each relocated field by what it
    // points at.
    if (exact()) {
      const auto n = loaded > 0 ? std::min<std::uint64_t>(available, loaded)
                                : string_or_16(target, data, available);
      hash_relocated(target, data, n, code, hash);
      return;
    }
    // A load: the bytes it reads.
    if (loaded > 0) {
      const auto n = std::min<std::uint64_t>(available, loaded);
      if (absolute) {
        hash_words(target, data, n, code, hash);
      } else {
        hash.add(data, n);
      }
      return;
    }
    // An address taken: its first 16 bytes. A jump table's entries change when the function
    // moves, so a table is recognised (aligned, and its first two entries lead into the
    // function or its split-off parts, foo.cold) and its entries hashed as places there:
    // 4-byte offsets from the table (PIC code) or 8-byte addresses (-no-pie code).
    const auto n = std::min<std::uint64_t>(available, 16);
    auto into_self = [&](std::uint64_t place) -> const Symbol* {
      const Symbol* f = containing(functions, place);
      return f && (f == &self || f->name.rfind(self.name + ".", 0) == 0) ? f : nullptr;
    };
    auto relative_entry = [&](std::uint64_t i) -> std::uint64_t {
      std::int32_t offset;
      std::memcpy(&offset, data + i, 4);
      return target + static_cast<std::uint64_t>(static_cast<std::int64_t>(offset));
    };
    auto absolute_entry = [&](std::uint64_t i) {
      std::uint64_t word;
      std::memcpy(&word, data + i, 8);
      return word;
    };
    const int width =
        target % 8 == 0 && absolute && n >= 16 && into_self(absolute_entry(0)) &&
                into_self(absolute_entry(8))
            ? 8
        : target % 4 == 0 && n >= 8 && into_self(relative_entry(0)) && into_self(relative_entry(4))
            ? 4
            : 0;
    if (width == 0) {
      hash.add(data, n);
      return;
    }
    for (std::uint64_t i = 0; i + width <= n; i += width) {
      const auto place = width == 4 ? relative_entry(i) : absolute_entry(i);
      if (const Symbol* f = into_self(place)) {
        hash.add("table:" + (f == &self ? std::string("self") : f->name));
        hash.add(place - f->address);
      } else {
        hash.add(data + i, width);
      }
    }
  }

  // In a -no-pie build (the static libpython forces one), whether an immediate or
  // displacement is an address in the image: only a function's start or inside a sized
  // object, since any number may fall in the address range. PIE code needs no guess: its
  // addresses are all RIP-relative.
  bool is_address(std::uint64_t value) const {
    if (!absolute || exact() || value < 0x1000) return false;
    const Symbol* f = containing(functions, value);
    if (f && f->address == value) return true;
    const Symbol* o = containing(objects, value);
    return o != nullptr && o->size > 0;
  }

  // AArch64: every instruction is one 4-byte word, and every field the link wrote has a
  // relocation (--emit-relocs). Each such field is masked out of its word and hashed as
  // what it refers to; the rest of the word (opcode, registers, a branch inside the
  // function) is hashed as it is.
  void analyse_aarch64(const Symbol& function, const unsigned char* bytes, std::uint64_t size,
                       FunctionCode& code, Hasher& hash) {
    auto r = emitted.lower_bound(function.address);
    std::uint32_t carried_mask = 0;  // the second word of an 8-byte data field
    for (std::uint64_t at = 0; at + 4 <= size; at += 4) {
      std::uint32_t word;
      std::memcpy(&word, bytes + at, 4);
      word &= ~carried_mask;
      carried_mask = 0;
      const std::uint64_t address = function.address + at;
      for (; r != emitted.end() && r->first < address + 4; ++r) {
        if (r->first < address) continue;
        const auto& rel = r->second;
        const auto field = aarch64::instruction_field(rel.type);
        hash.add(std::uint64_t{rel.type});
        if (field.mask == 0) {  // a data word in the code (a literal pool): an address
          word = 0;
          if (rel.width > 4) carried_mask = 0xffffffffU;
          pointed_at(rel.target, code, hash, /*follow=*/true);
          continue;
        }
        word &= ~field.mask;
        refer_aarch64(rel, field, function, code, hash);
      }
      hash.add(&word, 4);
      if (trace_instructions)
        std::fprintf(stderr, "  %s %08x\t%s\n", function.name.c_str(), word,
                     hex(hash.value()).c_str());
    }
    if (size % 4) hash.add(bytes + size - size % 4, size % 4);
  }

  // What one relocated field of an aarch64 instruction refers to.
  void refer_aarch64(const Relocation& rel, const aarch64::InstructionField& field,
                     const Symbol& self, FunctionCode& code, Hasher& hash) {
    using Refers = aarch64::InstructionField::Refers;
    if (rel.symbol >= 0) {
      const auto& name = relocation_symbols[static_cast<std::size_t>(rel.symbol)];
      if (field.refers == Refers::tls) {
        hash.add("tls:" + name);
      } else if (embedded_library(name)) {
        hash.add("embedded:" + name);
      } else {  // undefined here: a shared library's
        hash.add("import:" + name);
        code.imports.insert(name);
      }
      return;
    }
    switch (field.refers) {
      case Refers::branch:
        reference(rel.target, self, /*branch=*/true, code, hash);
        return;
      case Refers::page:  // the page only; the field with the low bits says the rest
        if (self.contains_address(rel.target)) {
          hash.add(std::string("self-page"));
          hash.add(rel.target - self.address);
        } else {
          pointed_at(rel.target, code, hash, /*follow=*/false);
        }
        return;
      case Refers::address:
      case Refers::got:
        reference(rel.target, self, /*branch=*/false, code, hash);
        return;
      case Refers::load:
        reference(rel.target, self, /*branch=*/false, code, hash, field.bytes);
        return;
      case Refers::tls: {  // a thread-local of this object, by its section
        const Section* s = section_of(rel.target);
        hash.add("tls-section:" + (s ? s->name : std::string("?")));
        return;
      }
      case Refers::other:
        pointed_at(rel.target, code, hash, /*follow=*/true);
        return;
    }
  }

  const FunctionCode& analyse(const Symbol& function) {
    auto found = analysed.find(function.address);
    if (found != analysed.end()) return found->second;
    FunctionCode code;
    Hasher hash;
    hash.add("function:" + function.name);
    std::uint64_t available = 0;
    const auto* bytes = bytes_at(function.address, available);
    const std::uint64_t size =
        bytes ? std::min<std::uint64_t>(available, std::max<std::uint64_t>(function.size, 1)) : 0;
    if (machine == EM_AARCH64) {
      analyse_aarch64(function, bytes, size, code, hash);
      code.hash = hash.value();
      code.bytes = size;
      return analysed[function.address] = std::move(code);
    }
    Instruction insn;
    std::uint64_t at = 0;
    while (at < size) {
      if (!decode(bytes + at, size - at, function.address + at, insn)) {
        hash.add(bytes + at, 1);  // data in the code, or an instruction Zydis does not know
        ++at;
        continue;
      }
      std::vector<unsigned char> normalised(bytes + at, bytes + at + insn.info.length);
      at += insn.info.length;
      const auto& raw = insn.info.raw;
      for (int o = 0; o < insn.info.operand_count_visible; ++o) {
        const auto& op = insn.operands[o];
        if (op.type == ZYDIS_OPERAND_TYPE_MEMORY && op.mem.base == ZYDIS_REGISTER_RIP) {
          const auto target = insn.target(op);
          if (!target) continue;
          clear_field(normalised, raw.disp.offset, raw.disp.size / 8);
          reference(*target, function, false, code, hash, loaded_size(insn, op));
        } else if (op.type == ZYDIS_OPERAND_TYPE_MEMORY && op.mem.base == ZYDIS_REGISTER_NONE &&
                   op.mem.disp.has_displacement &&
                   is_address(static_cast<std::uint64_t>(op.mem.disp.value))) {
          clear_field(normalised, raw.disp.offset, raw.disp.size / 8);
          reference(static_cast<std::uint64_t>(op.mem.disp.value), function, false, code, hash,
                    op.mem.index == ZYDIS_REGISTER_NONE ? loaded_size(insn, op) : 0);
        } else if (op.type == ZYDIS_OPERAND_TYPE_IMMEDIATE && op.imm.is_relative) {
          const auto target = insn.target(op);
          if (!target || function.contains_address(*target)) continue;  // inside: stable bytes
          clear_field(normalised, raw.imm[0].offset, raw.imm[0].size / 8);
          reference(*target, function, true, code, hash);
        } else if (op.type == ZYDIS_OPERAND_TYPE_IMMEDIATE && is_address(op.imm.value.u)) {
          const int which = raw.imm[1].size && raw.imm[1].value.u == op.imm.value.u ? 1 : 0;
          clear_field(normalised, raw.imm[which].offset, raw.imm[which].size / 8);
          reference(op.imm.value.u, function, false, code, hash);
        }
      }
      if (exact()) {
        // Fields the link relocated that are not RIP-relative or a relative branch (those
        // are normalised above): absolute addresses of a -no-pie build, TLS offsets.
        const std::uint64_t start = insn.address;
        const std::size_t handled[2] = {raw.disp.offset, raw.imm[0].offset};
        for (auto r = emitted.lower_bound(start);
             r != emitted.end() && r->first < start + insn.info.length; ++r) {
          const auto offset = static_cast<std::size_t>(r->first - start);
          const bool rip_or_branch = (offset == handled[0] && has_rip_operand(insn)) ||
                                     (offset == handled[1] && has_relative_operand(insn));
          if (rip_or_branch) continue;
          clear_field(normalised, offset, r->second.width);
          const auto target = r->second.target + (r->second.pc_relative ? 4 : 0);
          if (const Symbol* f = containing(functions, target); f && f == &function) {
            hash.add(std::string("self"));
            hash.add(target - function.address);
          } else {
            pointed_at(target, code, hash, /*follow=*/true);
          }
        }
      }
      hash.add(normalised.data(), normalised.size());
      if (trace_instructions) {
        std::string bytes_text;
        for (auto byte : normalised) bytes_text += hex(byte).substr(14);
        std::fprintf(stderr, "  %s %s\t%s\t%s\n", function.name.c_str(), bytes_text.c_str(),
                     ZydisMnemonicGetString(insn.info.mnemonic), hex(hash.value()).c_str());
      }
    }
    code.hash = hash.value();
    code.bytes = size;
    return analysed[function.address] = std::move(code);
  }
};

std::string combine_fingerprint(const std::string& fingerprint, const std::string& more) {
  Hasher hash;
  hash.add(fingerprint);
  hash.add(more);
  return hex(hash.value());
}

CodeImage::CodeImage(const std::string& path, std::uintptr_t load_bias)
    : impl_(std::make_unique<Impl>()) {
  impl_->bias = load_bias;
  impl_->load(path);
}

CodeImage::~CodeImage() = default;

void CodeImage::set_header_versions(const std::string& versions) {
  const std::lock_guard lock(impl_->mutex);
  impl_->header_versions = versions;
}

CodeImage& CodeImage::self() {
  // The main program is the first object dl_iterate_phdr reports; its dlpi_addr is the
  // load bias of a position-independent executable (0 otherwise).
  static CodeImage* image = [] {
    std::uintptr_t bias = 0;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* out) {
          *static_cast<std::uintptr_t*>(out) = info->dlpi_addr;
          return 1;
        },
        &bias);
    auto* made = new CodeImage("/proc/self/exe", bias);
    made->impl_->loaded_here = true;
    Dl_info here{};
    if (dladdr(reinterpret_cast<const void*>(&loaded_build_ids), &here))
      made->impl_->main_base = here.dli_fbase;
    made->impl_->build_ids = loaded_build_ids();
    return made;
  }();
  return *image;
}

CodeFingerprint CodeImage::fingerprint(const void* entry, const std::string& extra) {
  auto& d = *impl_;
  const std::lock_guard lock(d.mutex);
  CodeFingerprint result{};
  if (auto why = d.why_not(); !why.empty()) {
    result.why_not = why;
    return result;
  }
  const auto start = reinterpret_cast<std::uintptr_t>(entry) - d.bias;
  const Symbol* first = Impl::containing(d.functions, start);
  if (!entry || !first) {
    result.why_not = "the entry point is in no function of the executable's symbol table";
    return result;
  }
  // Breadth-first over the functions reached; the fingerprint is over the set (sorted by
  // name, then code), so the order the code lies in does not matter. Functions instantiated
  // from a header library are identified by name (their callers hash the name of what they
  // call) and the libraries' versions, never by the bytes of the kept copy; they are still
  // followed, so this project's code they reach (a replaced operator new) is hashed.
  struct Reached {
    const Symbol* function;
    const FunctionCode* code;
    std::string library;  // empty: hashed by its bytes
  };
  std::map<std::uint64_t, Reached> all;
  std::deque<std::uint64_t> queue{first->address};
  all[first->address] = {first, nullptr, {}};
  while (!queue.empty()) {
    const Symbol* f = Impl::containing(d.functions, queue.front());
    queue.pop_front();
    if (!f) continue;
    const auto& code = d.analyse(*f);
    all[f->address] = {f, &code, d.header_library(*f)};
    for (auto next : code.reaches) {
      if (all.emplace(next, Reached{nullptr, nullptr, {}}).second) queue.push_back(next);
    }
  }
  // A library's clone specialised for constants that this project's code passes carries
  // them: its bytes then count, and so do such clones it calls in turn. (An .isra or .part
  // clone holds the library's code only: by name, as the instance.)
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& [address, r] : all) {
      if (!r.code || !r.library.empty()) continue;
      for (auto next : r.code->reaches) {
        auto callee = all.find(next);
        if (callee != all.end() && callee->second.code && !callee->second.library.empty() &&
            carries_caller_constants(callee->second.function->name)) {
          callee->second.library.clear();
          changed = true;
        }
      }
    }
  }
  std::vector<std::pair<std::string, std::uint64_t>> reached;
  std::set<std::pair<std::string, std::string>> by_name;  // (library, function)
  std::set<std::string> libraries;
  for (const auto& [address, r] : all) {
    if (!r.code) continue;
    if (!r.library.empty()) {
      by_name.emplace(r.library, r.function->name);
    } else {
      reached.emplace_back(r.function->name, r.code->hash);
      result.bytes += r.code->bytes;
    }
    for (const auto& import : r.code->imports)
      libraries.insert(import + "@" + d.library_of(import));
  }
  std::sort(reached.begin(), reached.end());
  // IDIOMBENCH_FINGERPRINT_TRACE=1: what went into it, to see why two builds differ.
  if (const char* trace = std::getenv("IDIOMBENCH_FINGERPRINT_TRACE"); trace && *trace == '1') {
    for (const auto& [name, value] : reached)
      std::fprintf(stderr, "fingerprint %p: bytes %s %s\n", entry, hex(value).c_str(),
                   name.c_str());
    for (const auto& [library, name] : by_name)
      std::fprintf(stderr, "fingerprint %p: by name (%s) %s\n", entry, library.c_str(),
                   name.c_str());
    for (const auto& import : libraries)
      std::fprintf(stderr, "fingerprint %p: import %s\n", entry, import.c_str());
  }
  Hasher hash;
  for (const auto& [name, value] : reached) {
    hash.add(name);
    hash.add(value);
  }
  std::set<std::string> library_ids;
  for (const auto& import : libraries) {
    hash.add(import);
    library_ids.insert(import.substr(import.find('@') + 1));
  }
  std::set<std::string> header_libraries;
  for (const auto& entry_by_name : by_name) header_libraries.insert(entry_by_name.first);
  for (const auto& library : header_libraries) hash.add("header library:" + library);
  if (!header_libraries.empty()) hash.add("header libraries' versions:" + d.header_versions);
  hash.add("interpreted:" + extra);
  result.hash = hex(hash.value());
  result.functions = reached.size();
  result.library_functions = by_name.size();
  result.libraries = library_ids.size();
  return result;
}

}  // namespace idiombench
