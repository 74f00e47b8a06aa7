// The same library instance as comdat_work.cpp's (std::__introsort_loop over a std::vector<long>),
// compiled at another optimisation level: whichever object the linker meets first gives
// the copy the executable keeps.
#include <algorithm>
#include <vector>

long comdat_other(int x) {
  std::vector<long> values(static_cast<unsigned>(x) + 40, 5);
  std::sort(values.begin(), values.end());
  return values.back();
}
