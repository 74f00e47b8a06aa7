// Literals that literal_work() never reaches, other in each executable of the literal
// test (literal_neighbours_a.cpp and _b.cpp): the linker merges them into one run with
// literal_work()'s.
#include <cstdio>

void literal_neighbours(int x) {
  if (x == 100) std::puts("ww");
  if (x == 101) std::puts("xxf");
  if (x == 102) std::puts("fgjft");
  if (x == 103) std::puts("gnhq");
  if (x == 104) std::puts("zkhjln");
  if (x == 105) std::puts("wf");
  if (x == 106) std::puts("dq");
  if (x == 107) std::puts("vnrld");
  if (x == 108) std::puts("xmdg");
  if (x == 109) std::puts("d");
  if (x == 110) std::puts("ndbcwdxdb");
  if (x == 111) std::puts("ctxjbnjqr");
  if (x == 112) std::puts("qtqdfxnnl");
  if (x == 113) std::puts("rnhpwpm");
  if (x == 114) std::puts("vv");
  if (x == 115) std::puts("hpm");
  if (x == 116) std::puts("qlvvfsf");
  if (x == 117) std::puts("mgcbjbjc");
  if (x == 118) std::puts("x");
  if (x == 119) std::puts("qn");
  if (x == 120) std::puts("wfq");
  if (x == 121) std::puts("cgfw");
  if (x == 122) std::puts("dr");
  if (x == 123) std::puts("trdgn");
  if (x == 124) std::puts("c");
  if (x == 125) std::puts("rzl");
  if (x == 126) std::puts("gqplns");
  if (x == 127) std::puts("fpshtlw");
  if (x == 128) std::puts("bwcmdrw");
  if (x == 129) std::puts("vfczsn");
  if (x == 130) std::puts("wkptjtpxf");
  if (x == 131) std::puts("znjlqtfx");
  if (x == 132) std::puts("jtr");
  if (x == 133) std::puts("v");
  if (x == 134) std::puts("f");
  if (x == 135) std::puts("cmz");
  if (x == 136) std::puts("kzrzlt");
  if (x == 137) std::puts("qncmrfzzh");
  if (x == 138) std::puts("z");
  if (x == 139) std::puts("k");
}
