#include "chain_sum/case.hpp"

namespace idiombench::iteration::chain_sum {
namespace {

// `elements` values in lists whose lengths vary from 0 to 2 x mean_length.
Input make_input(const Params& p) {
  auto elements = p.integer("elements"), mean = p.integer("mean_length");
  if (elements < 0 || elements > 100'000'000 || mean < 1 || mean > elements + 1) {
    throw std::invalid_argument("need 0 <= elements <= 1e8 and 1 <= mean_length <= elements + 1");
  }
  Input lists;
  std::uint64_t state = 0x853C49E6748FEA9Bu;
  std::int64_t left = elements;
  while (left > 0) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    auto length =
        std::min<std::int64_t>(left, static_cast<std::int64_t>((state >> 33) % (2 * mean + 1)));
    std::vector<std::int32_t> list(static_cast<std::size_t>(length));
    for (auto& x : list) {
      state = state * 6364136223846793005u + 1442695040888963407u;
      x = static_cast<std::int32_t>(state >> 32);
    }
    left -= length;
    lists.push_back(std::move(list));
  }
  return lists;
}

Params point(std::int64_t elements, std::int64_t mean) {
  return {{"elements", elements}, {"mean_length", mean}};
}

}  // namespace

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "chain_sum",
      .question = "itertools.chain and functools.reduce in C++: what does flattening a list of "
                  "lists (short and long, some empty) and summing it cost with nested loops, "
                  "std::views::join, range-v3's join, or std::transform_reduce of std::reduce?",
      .make_input = make_input,
      .reference =
          [](const Input& lists) {
            Output sum = 0;
            for (const auto& list : lists) {
              for (auto x : list) sum += x;
            }
            return sum;
          },
      .quick = {integer_axis("elements", {1000000}), integer_axis("mean_length", {4, 1000})},
      .full = {integer_axis("elements", {1000000}), integer_axis("mean_length", {1, 4, 64, 1000})},
      .conformance = {point(0, 1), point(1, 1), point(2, 3), point(17, 1), point(1001, 8),
                      point(4099, 1000)},
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("elements"));
            return Throughput{.items = n, .bytes_read = 4 * n};
          },
      .item = "element",
      .baseline = "nested_loops",
  });
  return c;
}

}  // namespace idiombench::iteration::chain_sum
