// Code that work() never reaches, linked first so that everything else moves.
#include <cstdio>

int unrelated_padding(int x) {
  int values[64];
  for (int i = 0; i < 64; ++i) values[i] = x * i ^ (i << 3);
  long sum = 0;
  for (int i = 0; i < 64; ++i) sum += values[(i * 7) % 64];
  std::printf("%ld\n", sum);
  return static_cast<int>(sum);
}
