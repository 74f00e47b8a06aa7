// Literals that literal_work() never reaches, other in each executable of the literal
// test (literal_neighbours_a.cpp and _b.cpp): the linker merges them into one run with
// literal_work()'s.
#include <cstdio>

void literal_neighbours(int x) {
  if (x == 100) std::puts("vdzzw");
  if (x == 101) std::puts("xfw");
  if (x == 102) std::puts("bmlxmcc");
  if (x == 103) std::puts("rkscnbx");
  if (x == 104) std::puts("s");
  if (x == 105) std::puts("ltxb");
  if (x == 106) std::puts("kplrvzctv");
  if (x == 107) std::puts("t");
  if (x == 108) std::puts("h");
  if (x == 109) std::puts("tkrjgqzxk");
  if (x == 110) std::puts("hmgkvx");
  if (x == 111) std::puts("hjwdk");
  if (x == 112) std::puts("xmfmz");
  if (x == 113) std::puts("pbnzkcwg");
  if (x == 114) std::puts("bhpk");
  if (x == 115) std::puts("rs");
  if (x == 116) std::puts("vpkw");
  if (x == 117) std::puts("rwkq");
  if (x == 118) std::puts("t");
  if (x == 119) std::puts("lzwmpgth");
  if (x == 120) std::puts("lcvm");
  if (x == 121) std::puts("thtmjhqzt");
  if (x == 122) std::puts("nxmwp");
  if (x == 123) std::puts("fg");
  if (x == 124) std::puts("zcfqrjscw");
  if (x == 125) std::puts("fs");
  if (x == 126) std::puts("vvtcjv");
  if (x == 127) std::puts("gflr");
  if (x == 128) std::puts("p");
  if (x == 129) std::puts("xpbkzr");
  if (x == 130) std::puts("x");
  if (x == 131) std::puts("vkhjf");
  if (x == 132) std::puts("qmwdvww");
  if (x == 133) std::puts("ktbvrwmpw");
  if (x == 134) std::puts("mtsmsqdd");
  if (x == 135) std::puts("v");
  if (x == 136) std::puts("cntxbqmmt");
  if (x == 137) std::puts("kvczzcv");
  if (x == 138) std::puts("pgnsvxcw");
  if (x == 139) std::puts("chxgzbpvb");
}
