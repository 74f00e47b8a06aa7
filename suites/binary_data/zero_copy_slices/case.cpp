#include "zero_copy_slices/case.hpp"

namespace idiombench::binary_data::zero_copy_slices {
namespace {

// A buffer of `bytes` pseudo-random bytes, and n slices of `length` bytes at offsets
// spread over it (any offset: most slices start unaligned).
Input make_input(const Params& p) {
  auto n = p.integer("n"), length = p.integer("slice_bytes"), size = p.integer("buffer_bytes");
  if (n < 0 || n > 10'000'000 || length < 0 || size < length || size > (1ll << 32)) {
    throw std::invalid_argument("need 0 <= n <= 1e7 and 0 <= slice_bytes <= buffer_bytes <= 4 GiB");
  }
  Input in;
  in.buffer.resize(static_cast<std::size_t>(size));
  std::uint32_t state = 2463534242u;
  for (auto& c : in.buffer) {
    state ^= state << 13, state ^= state >> 17, state ^= state << 5;
    c = static_cast<char>(state & 0xFF);
  }
  auto span = static_cast<std::uint64_t>(size - length) + 1;
  for (std::int64_t i = 0; i < n; ++i) {
    std::uint64_t at = (static_cast<std::uint64_t>(i) * 2654435761u + 12345u) % span;
    in.slices.push_back({static_cast<std::size_t>(at), static_cast<std::size_t>(length)});
  }
  return in;
}

Output reference(const Input& in) {
  Output sum = 0;
  for (auto [at, length] : in.slices) {
    if (length == 0) continue;
    sum += summary(length, static_cast<unsigned char>(in.buffer[at]),
                   static_cast<unsigned char>(in.buffer[at + length - 1]));
  }
  return sum;
}

ParamGrid grid(std::vector<std::int64_t> lengths) {
  return {integer_axis("buffer_bytes", {64 << 20}), integer_axis("n", {10000}),
          integer_axis("slice_bytes", std::move(lengths))};
}

Params point(std::int64_t buffer, std::int64_t n, std::int64_t length) {
  return {{"buffer_bytes", buffer}, {"n", n}, {"slice_bytes", length}};
}

}  // namespace

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "zero_copy_slices",
      .question = "Slicing a large buffer: what does a view (std::span, std::string_view) save "
                  "over a copy (std::vector, std::string) when the slice is handed to a function "
                  "that reads a few of its bytes, for small and large slices?",
      .make_input = make_input,
      .reference = reference,
      .quick = grid({64, 4096}),
      .full = grid({16, 64, 1024, 4096, 65536}),
      .conformance = {point(0, 0, 0), point(1, 1, 0), point(1, 3, 1), point(17, 5, 16),
                      point(4096, 1000, 1), point(4099, 37, 4099), point(1 << 16, 100, 1000)},
      .throughput =
          [](const Params& p) { return Throughput{.items = static_cast<double>(p.integer("n"))}; },
      .item = "slice",
      .baseline = "span",
  });
  return c;
}

}  // namespace idiombench::binary_data::zero_copy_slices
