// Which header library a function of the executable was instantiated from, by its symbol.
//
// A template instance of a library (std::basic_string<char>::_M_replace, fmt's formatter for
// int) is emitted in every object that uses it, and the linker keeps one copy: whichever
// object's compiler run made it, with that object's inlining budgets. An unrelated edit that
// grows one object can change the copy kept. Such a function is identified by its name —
// which spells every template argument — and the library's version, compiler and flags,
// not by its bytes. It qualifies only when every name in its signature is the library's or a
// builtin type: an instance over a type or a lambda of this project (std::sort with a
// comparator written here, std::vector<Particle>) depends on code of this repository: it
// stays hashed by bytes. A GCC clone of a library function (.constprop, .isra, .part) is the
// library's too, but may carry its caller's constants: the fingerprint hashes its bytes when
// this project's code calls it (code_fingerprint.cpp), and its name when only the library's
// own code does (a clone kept in the function's COMDAT group, whichever copy that was).
#pragma once

#include <string>

namespace idiombench {

// "libstdc++", "pybind11", "boost", "fmt", "absl", "kokkos", "tbb", "xsimd", "range-v3",
// "nlohmann_json", "CLI11", "benchmark", "re2", "cuda", "compiler-rt" (a sanitizer's runtime,
// linked statically by clang); empty: not a header library's
// instance (this project's code, a C function, a clone).
std::string header_library_of(const std::string& symbol);

// Whether `symbol` is a GCC clone (name.constprop.0, .isra.0, .part.0; not a part of the
// function itself: .cold, a coroutine's .actor and .destroy).
bool is_clone(const std::string& symbol);

}  // namespace idiombench
