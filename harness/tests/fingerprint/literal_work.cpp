// The code whose fingerprint is taken in the literal test: it takes the addresses of string
// literals, the empty one among them, which the linker merges with every other object's.
const char* literal_work(int x) {
  if (x == 0) return "";
  if (x == 1) return "alpha";
  return "a literal longer than sixteen bytes";
}
