#include "launch/case.hpp"

namespace idiombench::compute::launch {

Case<Token, int>& the_case() {
  static auto& c = define_case<Token, int>({
      .name = "launch",
      .question = "What does launching one kernel and waiting for it cost on a device: the "
                  "floor under the small-n rows of the GPU models?",
      .make_input = [](const Params&) { return Token{.value = 20261204}; },
      .reference = [](const Token& t) { return t.value; },
      .quick = {},
      .full = {},
      .conformance = {Params{}},
      .throughput = [](const Params&) { return Throughput{.items = 1}; },
      .item = "launch",
      .baseline = "cuda",
  });
  return c;
}

}  // namespace idiombench::compute::launch
