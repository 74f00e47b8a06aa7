#include "gate/header_library.hpp"

#include <cxxabi.h>

#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>

namespace idiombench {
namespace {

// The top-level namespaces of the header libraries this project's code instantiates.
const std::map<std::string, std::string>& library_namespaces() {
  static const std::map<std::string, std::string> known = {
      {"std", "libstdc++"},
      {"__gnu_cxx", "libstdc++"},
      {"__cxxabiv1", "libstdc++"},
      {"__gnu_debug", "libstdc++"},
      {"__pstl", "libstdc++"},
      {"pybind11", "pybind11"},
      {"boost", "boost"},
      {"fmt", "fmt"},
      {"absl", "absl"},
      {"Kokkos", "kokkos"},
      {"tbb", "tbb"},
      {"oneapi", "tbb"},
      {"xsimd", "xsimd"},
      {"ranges", "range-v3"},
      {"concepts", "range-v3"},
      {"meta", "range-v3"},
      {"nlohmann", "nlohmann_json"},
      {"CLI", "CLI11"},
      {"benchmark", "benchmark"},
      {"re2", "re2"},
      {"thrust", "cuda"},
      {"cub", "cuda"},
      // a sanitizer's runtime (its version is the compiler's)
      {"__sanitizer", "compiler-rt"},
      {"__asan", "compiler-rt"},
      {"__ubsan", "compiler-rt"},
      {"__lsan", "compiler-rt"},
      {"__tsan", "compiler-rt"},
      {"__interception", "compiler-rt"}};
  return known;
}

// Words a demangled signature spells that name no entity: builtin types and keywords.
bool builtin_word(const std::string& word) {
  static const std::set<std::string> words = {
      "void", "bool", "char", "wchar_t", "char8_t", "char16_t", "char32_t", "short", "int", "long",
      "signed", "unsigned", "float", "double", "__int128", "__float128", "_Float16", "const",
      "volatile", "__restrict", "restrict", "decltype", "auto", "operator", "new", "delete",
      "nullptr", "true", "false", "noexcept", "sizeof", "alignof", "typename", "template", "throw",
      "this", "typeid", "static_cast", "const_cast", "reinterpret_cast", "dynamic_cast",
      // how the demangler spells an expression in a signature: decltype((declval<T>)()), {parm#1}
      "declval", "parm"};
  return words.count(word) > 0;
}

// CPython's C types, which pybind11's signatures spell (_object is PyObject).
bool cpython_word(const std::string& word) {
  return word.rfind("Py", 0) == 0 || word.rfind("_Py", 0) == 0 || word == "_object" ||
         word == "_typeobject" || word == "_ts" || word == "_is" || word == "_frame" ||
         word == "_longobject" || word == "_frozen";
}

}  // namespace

bool carries_caller_constants(const std::string& symbol) {
  return symbol.find(".constprop.") != std::string::npos;
}

std::string header_library_of(const std::string& symbol) {
  // A clone or a cold part is named after its function: the library's
  // (carries_caller_constants says which need a look at their callers).
  std::string mangled = symbol;
  if (const auto dot = mangled.find('.'); dot != std::string::npos) mangled.resize(dot);
  // The CUDA runtime, linked statically: its functions carry one generated prefix.
  if (mangled.rfind("libcudart_static_", 0) == 0) return "cuda";
  // A sanitizer's runtime, which clang links statically: its C entry points.
  for (const char* prefix :
       {"__asan_", "__ubsan_", "__lsan_", "__tsan_", "__sanitizer_", "__interceptor_", "__sancov_"})
    if (mangled.rfind(prefix, 0) == 0) return "compiler-rt";
  if (mangled.rfind("_Z", 0) != 0) return {};
  int status = 0;
  std::unique_ptr<char, decltype(&std::free)> text(
      abi::__cxa_demangle(mangled.c_str(), nullptr, nullptr, &status), &std::free);
  if (status != 0 || !text) return {};
  std::string name = text.get();
  // A thunk adjusts `this` and jumps to its function: the function's library is its own.
  for (const char* thunk :
       {"non-virtual thunk to ", "virtual thunk to ", "covariant return thunk to "})
    if (name.rfind(thunk, 0) == 0) name.erase(0, std::string(thunk).size());
  std::string library;
  std::size_t i = 0;
  const auto is_word_start = [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
  };
  const auto is_word_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  };
  while (i < name.size()) {
    const char c = name[i];
    if (c == '[' && name.compare(i, 5, "[abi:") == 0) {  // an ABI tag: [abi:cxx11]
      i = name.find(']', i);
      if (i == std::string::npos) return {};
      ++i;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {  // a literal: 8ul, 0x10, 1.5
      while (i < name.size() && (is_word_char(name[i]) || name[i] == '.')) ++i;
      continue;
    }
    if (!is_word_start(c)) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < name.size() && is_word_char(name[i])) ++i;
    const std::string word = name.substr(start, i - start);
    // A member named after a scope (vector<int>::push_back) is part of that scope's name.
    const std::size_t scope = start >= 1 && name[start - 1] == '~' ? start - 1 : start;  // ~T()
    const bool member = scope >= 2 && name.compare(scope - 2, 2, "::") == 0;
    // Skip the rest of a qualified name: only its first component says whose it is.
    while (i + 1 < name.size() && name.compare(i, 2, "::") == 0 && i + 2 < name.size() &&
           is_word_start(name[i + 2])) {
      i += 2;
      while (i < name.size() && is_word_char(name[i])) ++i;
    }
    // A reserved identifier (__and_, _Tp) is the implementation's: the demangler spells
    // some of libstdc++'s helpers without their namespace.
    const bool reserved = word.size() > 1 && word[0] == '_' &&
                          (word[1] == '_' || std::isupper(static_cast<unsigned char>(word[1])));
    if (member || reserved || builtin_word(word) || cpython_word(word)) continue;
    const auto& known = library_namespaces();
    const auto found = known.find(word);
    if (found == known.end()) return {};  // this project's name, a lambda, an anonymous namespace
    if (library.empty()) library = found->second;
  }
  return library;
}

}  // namespace idiombench
