// The code whose fingerprint is taken: it calls callee() in another file, so a change
// there must reach the fingerprint of work().
int callee(int x);

int work(int x) {
  int total = 0;
  for (int i = 0; i < x + 3; ++i) total += callee(i);
  return total;
}
