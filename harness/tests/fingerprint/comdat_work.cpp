// The code whose fingerprint is taken in the COMDAT test: it sorts longs, so it calls
// std::__introsort_loop over a std::vector<long>, a library instance (recursive: never inlined
// whole) that comdat_other.cpp emits too, compiled another way.
#include <algorithm>
#include <vector>

long comdat_work(int x) {
  std::vector<long> values;
  for (int i = 0; i < x + 40; ++i) values.push_back((i * 7919L) % 101);
  std::sort(values.begin(), values.end());
  return values.front() + values.back();
}
