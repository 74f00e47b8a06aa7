int callee(int x) {
  return x * 3 + 1;
}
