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
// stays hashed by bytes. A GCC clone of a library function is the library's too: one with
// its parameters rewritten (.isra) or split off (.part) holds only the library's code, and is
// a local copy that an unrelated function added to the same object can change (the object's
// inlining budgets grow with it), so it goes by name like the instance. One specialised for
// constant arguments (.constprop) carries its caller's constants: the fingerprint hashes its
// bytes when this project's code calls it (code_fingerprint.cpp), and its name when only the
// library's own code does.
#pragma once

#include <string>

namespace idiombench {

// "libstdc++", "pybind11", "boost", "fmt", "absl", "kokkos", "tbb", "xsimd", "range-v3",
// "nlohmann_json", "CLI11", "benchmark", "re2", "cuda", "compiler-rt" (a sanitizer's runtime,
// linked statically by clang); empty: not a header library's
// instance (this project's code, a C function, a clone).
std::string header_library_of(const std::string& symbol);

// Whether `symbol` is a GCC clone specialised for its callers' constant arguments
// (.constprop, alone or with other suffixes): its code depends on the code that calls it.
bool carries_caller_constants(const std::string& symbol);

}  // namespace idiombench
