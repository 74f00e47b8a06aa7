// A shared library opened when a variant first calls into it (dlopen), not linked.
//
// Every benchmark runs in a process of its own, and a linked library is loaded and
// initialised by every one of them: libcurl with its ~30 dependencies costs ~15 ms of
// page faults per process on a small VM, and OpenBLAS's constructor starts worker threads
// that spin for ~0.1 s — beside whatever C++ benchmark is being measured. A suite that
// calls such a library defines the functions it uses (hidden, so no other library binds
// to them) as calls through `function<>` below.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

namespace idiombench::support {

class LibraryOnDemand {
 public:
  // `sonames`: the names to try, in order (the SONAME the headers were built against first).
  explicit LibraryOnDemand(std::initializer_list<const char*> sonames);

  // `name` in the library, opening it on the first call (thread-safe). Throws
  // std::runtime_error naming the library and the symbol when either cannot be found.
  void* symbol(const char* name) const;

  // The same, typed: `function<decltype(cblas_ddot)>("cblas_ddot")`.
  template <class Function>
  Function* function(const char* name) const {
    return reinterpret_cast<Function*>(symbol(name));
  }

  // Whether the library is loaded in this process already (a test's question).
  bool loaded() const;

 private:
  void* handle() const;

  std::vector<std::string> sonames_;
};

}  // namespace idiombench::support
