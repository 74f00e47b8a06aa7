// Prints the code fingerprint of work() in this executable: the fingerprint test builds
// it three ways (fingerprint_test.cmake) and compares what each prints.
#include <cstdio>

#include "gate/code_fingerprint.hpp"

int work(int x);

int main(int argc, char**) {
  const auto code = idiombench::CodeImage::self().fingerprint(reinterpret_cast<const void*>(&work));
  if (code.hash.empty()) {
    std::fprintf(stderr, "no fingerprint: %s\n", code.why_not.c_str());
    return 1;
  }
  // functions reached: work and callee (and what they call)
  std::printf("%s %zu %d\n", code.hash.c_str(), code.functions, work(argc));
  return 0;
}
