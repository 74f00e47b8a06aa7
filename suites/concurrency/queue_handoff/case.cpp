#include "queue_handoff/case.hpp"

#include <fmt/format.h>

namespace idiombench::concurrency::queue_handoff {

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "queue_handoff",
      .question = "Handing items from a producer to a consumer: how many a second does a "
                  "mutex+condvar queue, a lock-free queue, a pipe or a shared-memory ring carry?",
      .make_input =
          [](const Params& p) {
            return Input{static_cast<std::uint64_t>(p.integer("items")),
                         static_cast<std::uint64_t>(p.integer("capacity")),
                         static_cast<std::uint64_t>(p.integer("batch"))};
          },
      .reference =
          [](const Input& in) {
            Output out;
            for (std::uint64_t i = 0; i < in.items; ++i) consume(out, item(i));
            return out;
          },
      .equivalence = [](const Output& got, const Output& want) -> std::optional<std::string> {
        if (got == want) return std::nullopt;
        return fmt::format("consumer saw {} items (hash {:#x}), expected {} (hash {:#x})",
                           got.count, got.hash, want.count, want.hash);
      },
      .quick = {integer_axis("items", {1 << 16}), integer_axis("capacity", {1024}),
                integer_axis("batch", {1, 256})},
      .full = {integer_axis("items", {1 << 20}), integer_axis("capacity", {16, 1024, 65536}),
               integer_axis("batch", {1, 16, 256})},
      .conformance = {{{"items", 0}, {"capacity", 1}, {"batch", 1}},
                      {{"items", 1}, {"capacity", 1}, {"batch", 8}},
                      {{"items", 3}, {"capacity", 2}, {"batch", 2}},
                      {{"items", 1001}, {"capacity", 1}, {"batch", 1}},
                      {{"items", 1001}, {"capacity", 7}, {"batch", 3}},
                      {{"items", 100003}, {"capacity", 64}, {"batch", 1}},
                      {{"items", 100003}, {"capacity", 64}, {"batch", 256}}},
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("items"));
            return Throughput{.items = n, .bytes_written = n * sizeof(std::uint64_t)};
          },
      .item = "message",
      .baseline = "mutex_condvar_queue",
      .checksum = [](const Output& out) { return static_cast<double>(out.count); },
  });
  return c;
}

Registration register_handoff(const std::string& name, const std::string& model, Handoff run) {
  return the_case().add_variant({.name = name, .model = model, .run = run});
}

}  // namespace idiombench::concurrency::queue_handoff
