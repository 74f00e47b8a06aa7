// Prints the code fingerprint of comdat_work() in this executable, the functions hashed by
// their bytes and the library instances identified by name (comdat_test.cmake).
#include <cstdio>

#include "gate/code_fingerprint.hpp"

long comdat_work(int x);
long comdat_other(int x);

int main(int argc, char**) {
  const auto code =
      idiombench::CodeImage::self().fingerprint(reinterpret_cast<const void*>(&comdat_work));
  if (code.hash.empty()) {
    std::fprintf(stderr, "no fingerprint: %s\n", code.why_not.c_str());
    return 1;
  }
  std::printf("%s %zu %zu %ld\n", code.hash.c_str(), code.functions, code.library_functions,
              comdat_work(argc) + comdat_other(argc));
  return 0;
}
