// An ELF executable read once from disk: its sections, its symbols, its dynamic
// relocations (which GOT slot holds which import, what relocated words of read-only
// tables point at) and the link's own relocations where --emit-relocs kept them. What
// code_fingerprint.cpp needs of the file, and nothing about the machine code in it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace idiombench::elf {

struct Section {
  std::string name;
  std::uint64_t address, size, offset;
  std::uint64_t flags;
  std::uint32_t type;
  bool contains(std::uint64_t a) const { return a >= address && a < address + size; }
};

struct Symbol {
  std::uint64_t address, size;
  std::string name;
  bool function;
  bool contains_address(std::uint64_t a) const {
    return a >= address && a < address + std::max<std::uint64_t>(size, 1);
  }
};

// A file's bytes, mapped read-only: pages come from the page cache as they are read. (A
// copy of a 16 MB executable costs ~70-130 ms of page faults on a small VM, more than the
// rest of the fingerprinting; a run of one benchmark pays it before anything is measured.)
class Mapping {
 public:
  Mapping() = default;
  explicit Mapping(const std::string& path);  // throws std::runtime_error
  ~Mapping();
  Mapping(Mapping&& other) noexcept { swap(other); }
  Mapping& operator=(Mapping&& other) noexcept {
    swap(other);
    return *this;
  }
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  void swap(Mapping& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
  }
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

struct File {
  Mapping file;
  std::uint16_t machine = 0;  // EM_X86_64 or EM_AARCH64
  bool absolute = false;      // ET_EXEC (-no-pie): code holds addresses as immediates
  std::vector<Section> sections;
  std::vector<Symbol> functions;                              // sorted by address, one per address
  std::vector<Symbol> objects;                                // sorted by address
  std::unordered_map<std::uint64_t, std::string> slot_names;  // GOT slot -> import
  std::unordered_map<std::uint64_t, std::uint64_t> relative;  // word -> address it holds
  std::unordered_map<std::uint64_t, std::string> symbolic_words;  // word -> import it holds
  // The link's own relocations, kept in the file by --emit-relocs (ci/gate.sh links so):
  // every address the code and data hold, and what it points at. With them nothing about
  // addresses is guessed.
  struct Relocation {
    std::uint64_t target;  // what the field refers to (S + A, or S for GOT forms)
    unsigned width;        // bytes of the field (4 for an AArch64 instruction's field)
    bool pc_relative;      // the field holds target - its own address
    std::uint32_t type;    // R_X86_64_* or R_AARCH64_*
    // The symbol's name, for what an address cannot tell: an import (undefined here) or a
    // thread-local. An index into `relocation_symbols`, or -1.
    std::int32_t symbol = -1;
  };
  std::map<std::uint64_t, Relocation> emitted;  // by the address of the field
  std::vector<std::string> relocation_symbols;
  bool exact() const { return !emitted.empty(); }

  template <class T>
  T at(std::uint64_t offset) const {
    if (offset + sizeof(T) > file.size()) throw std::runtime_error("truncated ELF file");
    T value;
    std::memcpy(&value, file.data() + offset, sizeof(T));
    return value;
  }

  // The allocated section that holds `address`, if any.
  const Section* section_of(std::uint64_t address) const;
  // The symbol of `list` (sorted by address) that contains `address`, if any.
  static const Symbol* containing(const std::vector<Symbol>& list, std::uint64_t address);
  // File bytes at a virtual address, or nullptr (bss, outside every section); `available`:
  // how many.
  const unsigned char* bytes_at(std::uint64_t address, std::uint64_t& available) const;
  // Reads `path`: throws std::runtime_error when it is not a 64-bit x86-64 or AArch64 ELF
  // file with a symbol table.
  void load(const std::string& path);
};

}  // namespace idiombench::elf
