#include "transfer_cost/case.hpp"

#include <atomic>
#include <cstring>

namespace idiombench::concurrency::transfer_cost {

std::uint64_t checksum(const unsigned char* data, std::size_t size) {
  const std::size_t words = size / 8;
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < words; ++i) {
    std::uint64_t w;
    std::memcpy(&w, data + 8 * i, 8);
    sum += w * (2 * i + 1);
  }
  for (std::size_t i = words * 8; i < size; ++i) sum += std::uint64_t{data[i]} << (8 * (i % 8));
  return sum;
}

Input make_payload(std::size_t size) {
  static std::atomic<std::uint64_t> inputs{0};
  Input in;
  in.id = ++inputs;
  in.payload.resize(size);
  std::uint64_t x = 0x243f6a8885a308d3ULL ^ size;
  for (auto& byte : in.payload) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    byte = static_cast<unsigned char>(x >> 56);
  }
  return in;
}

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "transfer_cost",
      .question = "Moving a payload to a worker process: a serialised copy through a pipe, or "
                  "shared memory — what does each cost from 64 B to 64 MiB, and where do they "
                  "cross?",
      .make_input =
          [](const Params& p) {
            return make_payload(static_cast<std::size_t>(p.integer("bytes")));
          },
      .reference = [](const Input& in) { return checksum(in.payload.data(), in.payload.size()); },
      .quick = {integer_axis("bytes", {64, 4096, 1 << 16, 1 << 18, 1 << 20, 1 << 24})},
      .full = {integer_axis("bytes", {64, 1024, 1 << 14, 1 << 18, 1 << 22, 1 << 26})},
      .conformance = {{{"bytes", 0}},
                      {{"bytes", 1}},
                      {{"bytes", 7}},
                      {{"bytes", 4095}},
                      {{"bytes", 65537}},
                      {{"bytes", (1 << 21) + 3}}},
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("bytes"));
            return Throughput{.items = 1, .bytes_written = n};
          },
      .item = "transfer",
      .baseline = "pipe",
  });
  return c;
}

Registration register_transfer(const std::string& name, Transfer run) {
  return the_case().add_variant({.name = name, .model = "processes", .run = run});
}

}  // namespace idiombench::concurrency::transfer_cost
