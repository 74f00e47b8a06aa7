// Code fingerprints: a hash of the machine code a variant's timed region runs, so that the
// regression gate can tell the benchmarks whose code changed between two builds from the
// ones that run the same instructions on both sides.
//
// From an entry point, the fingerprint follows every direct call and jump, every function
// whose address the code takes, and the function pointers in the read-only tables it
// refers to (vtables), inside the executable. Each function reached is hashed with its
// addresses normalised: a branch or a reference that leaves the function is replaced by
// the name of what it reaches (a function, an object, a shared library's symbol), and the
// bytes of an anonymous read-only constant it loads are hashed instead of its address. So
// a function that moves, or code that moves around it, leaves the fingerprint alone; a
// change to any instruction reached, or to a constant it loads, changes it. A call into a
// shared library adds the library's build-id (or its file name and size) instead. A
// function instantiated from a header library (std::, fmt::, pybind11::... over that
// library's and builtin types only: header_library.hpp) adds its library and the libraries'
// versions instead of its bytes, which depend on which object's copy the linker kept; it is
// still followed, so this project's code it reaches is hashed.
//
// It cannot see: calls through pointers that are only known at run time (a std::function
// or virtual call whose target is made elsewhere), the data the code reads (input
// generators, writable globals), and code loaded later (Python source, JIT output: the
// variant's `interpreted_code` covers embedded Python).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace idiombench {

struct CodeFingerprint {
  std::string hash;                   // 16 hex digits; empty when the code could not be analysed
  std::size_t functions = 0;          // functions reached inside the executable, hashed by bytes
  std::size_t bytes = 0;              // their machine code
  std::size_t libraries = 0;          // shared libraries called
  std::size_t library_functions = 0;  // header libraries' instances, identified by name
  std::string why_not;                // when hash is empty
};

// A fingerprint with something else the timed call depends on hashed in.
std::string combine_fingerprint(const std::string& fingerprint, const std::string& more);

class CodeImage {
 public:
  // The executable this process runs, as loaded. Analysed once, on first use.
  static CodeImage& self();
  // An ELF executable on disk, loaded at `load_bias` (0: addresses as in the file; shared
  // libraries are then identified by name only).
  CodeImage(const std::string& path, std::uintptr_t load_bias);
  ~CodeImage();
  CodeImage(const CodeImage&) = delete;
  CodeImage& operator=(const CodeImage&) = delete;

  // What identifies the header libraries' instances beside their names (their versions, the
  // compiler, the flags): hashed into every fingerprint that reaches one.
  void set_header_versions(const std::string& versions);

  // The fingerprint of the code reachable from `entry` (an address in this process for
  // self(); a file address plus the bias otherwise), with `extra` (source text the code
  // interprets) hashed in.
  CodeFingerprint fingerprint(const void* entry, const std::string& extra = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace idiombench
