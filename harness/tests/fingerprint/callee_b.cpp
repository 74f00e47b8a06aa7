// As callee_a.cpp with one constant changed: a changed callee.
int callee(int x) {
  return x * 3 + 2;
}
