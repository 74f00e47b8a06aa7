#include "batches/case.hpp"

#include "random_values.hpp"

namespace idiombench::iteration::batches {

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "batches",
      .question = "What does handing a stream over in batches cost when the batches are "
                  "built eagerly, yielded by a generator, chunked by range-v3 or walked by "
                  "an iterator class?",
      .make_input =
          [](const Params& p) {
            return Input{random_values(static_cast<std::size_t>(p.integer("n")), -30000, 30000),
                         static_cast<std::size_t>(p.integer("batch"))};
          },
      // Independent of the variants' fold_batch and of any batching: one pass over the
      // elements, closing a batch's term where its boundary falls (fold_batch's formula,
      // written out).
      .reference =
          [](const Input& in) {
            Output acc = 0;
            std::int64_t sum = 0;
            std::uint64_t length = 0;
            for (std::size_t i = 0; i < in.values.size(); ++i) {
              sum += in.values[i];
              ++length;
              if (length == in.size || i + 1 == in.values.size()) {
                acc =
                    acc * 1000003u + length * 0x9E3779B97F4A7C15u + static_cast<std::uint64_t>(sum);
                sum = 0;
                length = 0;
              }
            }
            return acc;
          },
      .quick = {{"n", {1000000}}, {"batch", {32}}},
      .full = {{"n", {1000, 1000000, 10000000}}, {"batch", {8, 32, 256}}},
      .conformance = {{{"n", 0}, {"batch", 32}},
                      {{"n", 1}, {"batch", 32}},
                      {{"n", 31}, {"batch", 32}},
                      {{"n", 32}, {"batch", 32}},
                      {{"n", 33}, {"batch", 32}},
                      {{"n", 5}, {"batch", 1}},
                      {{"n", 17}, {"batch", 100}},
                      {{"n", 100003}, {"batch", 32}}},
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("n"));
            return Throughput{.items = n, .bytes_read = n * sizeof(std::int32_t)};
          },
      .item = "element",
      .baseline = "index_loop",
  });
  return c;
}

}  // namespace idiombench::iteration::batches
