// Prints the code fingerprint of literal_work() in this executable and the 16 bytes that
// follow its empty literal (literal_test.cmake compares two executables whose other
// literals differ).
#include <cstdio>

#include "gate/code_fingerprint.hpp"

const char* literal_work(int x);
void literal_neighbours(int x);

int main(int argc, char**) {
  literal_neighbours(argc);
  const auto code =
      idiombench::CodeImage::self().fingerprint(reinterpret_cast<const void*>(&literal_work));
  if (code.hash.empty()) {
    std::fprintf(stderr, "no fingerprint: %s\n", code.why_not.c_str());
    return 1;
  }
  // What the linker put after "": other objects' literals (read as bytes: the probe is
  // never built with AddressSanitizer, whose red zones would sit there).
  const volatile unsigned char* after = reinterpret_cast<const unsigned char*>(literal_work(0));
  std::printf("%s %zu ", code.hash.c_str(), code.functions);
  for (int i = 1; i <= 16; ++i) std::printf("%02x", after[i]);
  std::printf("\n");
  return 0;
}
