#include "ipc_roundtrip/case.hpp"

namespace idiombench::concurrency::ipc_roundtrip {

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "ipc_roundtrip",
      .question = "How long does one request/response round trip take between two processes "
                  "through a pipe, a socket, shared memory with futex or spinning, and between "
                  "two threads with a condition variable?",
      .make_input =
          [](const Params& p) {
            return Input{static_cast<std::uint64_t>(p.integer("round_trips"))};
          },
      .reference = [](const Input& in) { return 2 * in.round_trips; },
      .quick = {integer_axis("round_trips", {2000})},
      .full = {integer_axis("round_trips", {20000})},
      .conformance = {{{"round_trips", 0}},
                      {{"round_trips", 1}},
                      {{"round_trips", 3}},
                      {{"round_trips", 1001}}},
      .throughput =
          [](const Params& p) {
            return Throughput{.items = static_cast<double>(p.integer("round_trips"))};
          },
      .item = "round trip",
      .baseline = "pipe",
  });
  return c;
}

Registration register_ping_pong(const std::string& name, const std::string& model, PingPong run) {
  return the_case().add_variant({.name = name, .model = model, .run = [run](const Input& in) {
                                   return run(in.round_trips);
                                 }});
}

}  // namespace idiombench::concurrency::ipc_roundtrip
