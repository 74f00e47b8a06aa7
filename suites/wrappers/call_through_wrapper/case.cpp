#include "call_through_wrapper/case.hpp"

#include <string>

namespace idiombench::wrappers::call_through_wrapper {
namespace {

// Arguments that differ call to call (splitmix64 of the index), so no call is constant.
std::vector<std::uint64_t> arguments(std::int64_t n) {
  std::vector<std::uint64_t> out(static_cast<std::size_t>(n));
  std::uint64_t state = 0x2545F4914F6CDD1Du;
  for (auto& x : out) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    x = z ^ (z >> 31);
  }
  return out;
}

// C++ only: Python inlines no call, so its variants are measured once, without it.
ParamAxis callee_axis() {
  return {"callee", {std::string("inline"), std::string("elsewhere")}, {"serial"}};
}

}  // namespace

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "call_through_wrapper",
      .question = "The `timed` decorator: what does a call cost through a template wrapper, "
                  "std::bind_front, std::function, absl::FunctionRef, a virtual call, or a "
                  "wrapper that times each call, against the direct call, when the small "
                  "function can be inlined and when it lives in another translation unit?",
      .make_input =
          [](const Params& p) {
            const std::string callee = p.contains("callee") ? p.text("callee") : "inline";
            if (callee != "inline" && callee != "elsewhere") {
              throw std::invalid_argument("callee must be inline or elsewhere, not " + callee);
            }
            return Input{arguments(p.integer("n")), 0x5DEECE66Du, callee == "elsewhere"};
          },
      .reference =
          [](const Input& in) {
            Output sum = 0;
            for (auto x : in.arguments) sum += small_function(x, in.salt);
            return sum;
          },
      .quick = {callee_axis(), integer_axis("n", {100000})},
      .full = {callee_axis(), integer_axis("n", {1000, 100000, 1000000})},
      .conformance = {{{"n", 0}}, {{"n", 1}}, {{"n", 17}}, {{"n", 1001}}},
      .throughput =
          [](const Params& p) { return Throughput{.items = static_cast<double>(p.integer("n"))}; },
      .item = "call",
      .baseline = "direct",
      .conformance_axes = {callee_axis()},
  });
  return c;
}

}  // namespace idiombench::wrappers::call_through_wrapper
