#include "gate/elf_file.hpp"

#include <elf.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "gate/aarch64_relocation.hpp"

namespace idiombench::elf {

const Section* File::section_of(std::uint64_t address) const {
  for (const auto& s : sections) {
    if ((s.flags & SHF_ALLOC) && s.contains(address)) return &s;
  }
  return nullptr;
}

const Symbol* File::containing(const std::vector<Symbol>& list, std::uint64_t address) {
  auto it = std::upper_bound(list.begin(), list.end(), address,
                             [](std::uint64_t a, const Symbol& s) { return a < s.address; });
  if (it == list.begin()) return nullptr;
  --it;
  return address < it->address + std::max<std::uint64_t>(it->size, 1) ? &*it : nullptr;
}

const unsigned char* File::bytes_at(std::uint64_t address, std::uint64_t& available) const {
  const Section* s = section_of(address);
  if (!s || s->type == SHT_NOBITS) return nullptr;
  available = s->address + s->size - address;
  const auto offset = s->offset + (address - s->address);
  if (offset >= file.size()) return nullptr;
  available = std::min<std::uint64_t>(available, file.size() - offset);
  return reinterpret_cast<const unsigned char*>(file.data() + offset);
}

Mapping::Mapping(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
  struct stat st {};
  void* mapped = MAP_FAILED;
  int error = 0;
  if (::fstat(fd, &st) != 0)
    error = errno;
  else if (st.st_size > 0)  // an empty file maps nothing: the header check says what is wrong
    mapped = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  if (st.st_size > 0 && mapped == MAP_FAILED && error == 0) error = errno;
  ::close(fd);  // the mapping keeps the file
  if (error != 0) throw std::runtime_error("cannot read " + path + ": " + std::strerror(error));
  if (mapped == MAP_FAILED) return;
  data_ = static_cast<const char*>(mapped);
  size_ = static_cast<std::size_t>(st.st_size);
}

Mapping::~Mapping() {
  if (data_) ::munmap(const_cast<char*>(data_), size_);
}

namespace {

// One relocation of the link, kept by --emit-relocs, of an aarch64 executable.
template <class NameIndex>
void add_aarch64_relocation(File& file, const Elf64_Rela& rel, std::uint32_t type,
                            const Elf64_Sym& sym, NameIndex name_index) {
  const auto field = aarch64::instruction_field(type);
  const unsigned data_width = aarch64::data_field_width(type);
  if (field.mask == 0 && data_width == 0) return;  // R_AARCH64_NONE
  const bool got = field.refers == aarch64::InstructionField::Refers::got;
  File::Relocation r{got ? sym.st_value : sym.st_value + static_cast<std::uint64_t>(rel.r_addend),
                     data_width ? data_width : 4, aarch64::data_field_pc_relative(type), type};
  // An import has no address here, and a thread-local's value is an offset into the TLS
  // block, not an address: both are told by name.
  if (sym.st_shndx == SHN_UNDEF || ELF64_ST_TYPE(sym.st_info) == STT_TLS) r.symbol = name_index();
  file.emitted[rel.r_offset] = r;
}

}  // namespace

void File::load(const std::string& path) {
  file = Mapping(path);
  const auto header = at<Elf64_Ehdr>(0);
  if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_ident[EI_CLASS] != ELFCLASS64)
    throw std::runtime_error(path + " is not a 64-bit ELF file");
  absolute = header.e_type == ET_EXEC;
  machine = header.e_machine;
  if (machine != EM_X86_64 && machine != EM_AARCH64)
    throw std::runtime_error("code fingerprints read x86-64 and aarch64 code only (" + path +
                             " is ELF machine " + std::to_string(machine) + ")");
  const bool arm = machine == EM_AARCH64;
  std::vector<Elf64_Shdr> headers;
  for (int i = 0; i < header.e_shnum; ++i)
    headers.push_back(at<Elf64_Shdr>(header.e_shoff + i * sizeof(Elf64_Shdr)));
  if (header.e_shstrndx >= headers.size()) throw std::runtime_error("no section names");
  const auto& names = headers[header.e_shstrndx];
  auto string_at = [&](const Elf64_Shdr& table, std::uint64_t index) {
    const auto offset = table.sh_offset + index;
    if (offset >= file.size()) return std::string();
    return std::string(file.data() + offset, strnlen(file.data() + offset, file.size() - offset));
  };
  for (const auto& h : headers)
    sections.push_back(
        {string_at(names, h.sh_name), h.sh_addr, h.sh_size, h.sh_offset, h.sh_flags, h.sh_type});
  bool symbols = false;
  for (const auto& h : headers) {
    if (h.sh_type != SHT_SYMTAB) continue;
    symbols = true;
    const auto& strings = headers.at(h.sh_link);
    for (std::uint64_t k = 0; k < h.sh_size / sizeof(Elf64_Sym); ++k) {
      const auto sym = at<Elf64_Sym>(h.sh_offset + k * sizeof(Elf64_Sym));
      const int type = ELF64_ST_TYPE(sym.st_info);
      if (sym.st_shndx == SHN_UNDEF || sym.st_value == 0) continue;
      if (type == STT_FUNC)
        functions.push_back({sym.st_value, sym.st_size, string_at(strings, sym.st_name), true});
      else if (type == STT_OBJECT)
        objects.push_back({sym.st_value, sym.st_size, string_at(strings, sym.st_name), false});
    }
  }
  if (!symbols) throw std::runtime_error(path + " has no symbol table (stripped?)");
  // One name per address (aliases: the smallest name, so the choice is stable).
  auto by_address = [](const Symbol& a, const Symbol& b) {
    return a.address != b.address ? a.address < b.address : a.name < b.name;
  };
  for (auto* list : {&functions, &objects}) {
    std::sort(list->begin(), list->end(), by_address);
    list->erase(
        std::unique(list->begin(), list->end(),
                    [](const Symbol& a, const Symbol& b) { return a.address == b.address; }),
        list->end());
  }
  // Dynamic relocations: which GOT slot holds which import, and what the words of
  // relocated read-only tables (vtables) point at.
  for (const auto& h : headers) {
    if (h.sh_type != SHT_RELA || !(h.sh_flags & SHF_ALLOC)) continue;
    if (h.sh_link >= headers.size()) continue;
    const auto& dynsym = headers[h.sh_link];
    if (dynsym.sh_link >= headers.size()) continue;
    const auto& dynstr = headers[dynsym.sh_link];
    for (std::uint64_t k = 0; k < h.sh_size / sizeof(Elf64_Rela); ++k) {
      const auto rel = at<Elf64_Rela>(h.sh_offset + k * sizeof(Elf64_Rela));
      const auto type = ELF64_R_TYPE(rel.r_info);
      const auto index = ELF64_R_SYM(rel.r_info);
      if (type == (arm ? R_AARCH64_RELATIVE : R_X86_64_RELATIVE)) {
        relative[rel.r_offset] = static_cast<std::uint64_t>(rel.r_addend);
      } else if (index != 0) {
        const auto sym = at<Elf64_Sym>(dynsym.sh_offset + index * sizeof(Elf64_Sym));
        auto name = string_at(dynstr, sym.st_name);
        const bool slot = arm ? type == R_AARCH64_JUMP_SLOT || type == R_AARCH64_GLOB_DAT
                              : type == R_X86_64_JUMP_SLOT || type == R_X86_64_GLOB_DAT;
        if (slot)
          slot_names[rel.r_offset] = name;
        else if (type == (arm ? R_AARCH64_ABS64 : R_X86_64_64))
          symbolic_words[rel.r_offset] = name;
      }
    }
  }
  for (const auto& h : headers) {
    if (h.sh_type != SHT_RELA || (h.sh_flags & SHF_ALLOC) || h.sh_link >= headers.size() ||
        headers[h.sh_link].sh_type != SHT_SYMTAB || h.sh_info >= headers.size() ||
        !(headers[h.sh_info].sh_flags & SHF_ALLOC))
      continue;
    const auto& symtab = headers[h.sh_link];
    const auto& symbol_names = headers.at(symtab.sh_link);
    std::unordered_map<std::string, std::int32_t> symbol_index;
    for (std::uint64_t k = 0; k < h.sh_size / sizeof(Elf64_Rela); ++k) {
      const auto rel = at<Elf64_Rela>(h.sh_offset + k * sizeof(Elf64_Rela));
      const auto type = static_cast<std::uint32_t>(ELF64_R_TYPE(rel.r_info));
      if (type == R_X86_64_NONE) continue;  // R_AARCH64_NONE is 0 too
      const auto sym =
          at<Elf64_Sym>(symtab.sh_offset + ELF64_R_SYM(rel.r_info) * sizeof(Elf64_Sym));
      if (arm) {
        add_aarch64_relocation(*this, rel, type, sym, [&] {
          auto name = string_at(symbol_names, sym.st_name);
          auto [it, added] =
              symbol_index.emplace(name, static_cast<std::int32_t>(relocation_symbols.size()));
          if (added) relocation_symbols.push_back(std::move(name));
          return it->second;
        });
        continue;
      }
      const unsigned width = type == R_X86_64_64 || type == R_X86_64_PC64 ||
                                     type == R_X86_64_DTPOFF64 || type == R_X86_64_TPOFF64
                                 ? 8
                             : type == R_X86_64_16 || type == R_X86_64_PC16 ? 2
                             : type == R_X86_64_8 || type == R_X86_64_PC8   ? 1
                                                                            : 4;
      // What the field refers to: the symbol itself for GOT forms (the addend is the
      // field's distance to the end of the instruction, and the linker may have turned
      // the GOT load into the address itself); S + A otherwise.
      const bool got = type == R_X86_64_GOTPCREL || type == R_X86_64_GOTPCRELX ||
                       type == R_X86_64_REX_GOTPCRELX || type == R_X86_64_GOTPCREL64 ||
                       type == R_X86_64_GOT32 || type == R_X86_64_GOT64 ||
                       type == R_X86_64_GOTPLT64;
      const bool relative = type == R_X86_64_PC32 || type == R_X86_64_PLT32;
      const auto addend = static_cast<std::uint64_t>(rel.r_addend);
      emitted[rel.r_offset] = {got ? sym.st_value : sym.st_value + addend, width, relative && !got,
                               type};
    }
  }
}

}  // namespace idiombench::elf
