#include "scoped_resource/case.hpp"

namespace idiombench::wrappers::scoped_resource {
namespace {

// The plan walked by hand: ids are handed out in order, the innermost scope uses its
// resource once (twice when it leaves normally), and releases go innermost first.
Output reference(const Input& in) {
  Output out;
  std::uint64_t id = 0;
  for (std::uint32_t i = 0; i < in.scopes; ++i) {
    std::uint64_t first = id + 1;
    id += in.depth;
    out.uses += in.throws(i) || in.returns_early(i) ? id : 2 * id;
    out.exceptions += in.throws(i);
    for (std::uint64_t r = id; r >= first; --r) out.release_order += ++out.released * r;
  }
  out.opened = id;
  return out;
}

std::uint32_t at_most(const Params& p, const char* key, std::int64_t limit) {
  auto v = p.integer(key);
  if (v < 0 || v > limit) {
    throw std::invalid_argument(std::string(key) + " must be in [0, " + std::to_string(limit) +
                                "]");
  }
  return static_cast<std::uint32_t>(v);
}

}  // namespace

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "scoped_resource",
      .question = "`managed_resource`: what does entering and leaving a scope that must release "
                  "a resource cost as an RAII guard, a unique_ptr with a deleter, "
                  "Boost.ScopeExit or try/catch-rethrow, nested, and when some scopes leave by "
                  "an exception?",
      .make_input =
          [](const Params& p) {
            Input in{at_most(p, "scopes", 100'000'000), at_most(p, "depth", 8),
                     at_most(p, "throw_every", 1'000'000), at_most(p, "return_every", 1'000'000)};
            if (in.depth == 0) throw std::invalid_argument("depth must be at least 1");
            return in;
          },
      .reference = reference,
      .quick = {integer_axis("scopes", {10000}), integer_axis("depth", {2}),
                integer_axis("throw_every", {0, 100}), integer_axis("return_every", {0})},
      .full = {integer_axis("scopes", {10000}), integer_axis("depth", {1, 2}),
               integer_axis("throw_every", {0, 1000, 100, 10}),
               integer_axis("return_every", {0, 10})},
      .conformance =
          {
              {{"scopes", 0}, {"depth", 1}, {"throw_every", 0}, {"return_every", 0}},
              {{"scopes", 1}, {"depth", 1}, {"throw_every", 1}, {"return_every", 0}},
              {{"scopes", 1}, {"depth", 2}, {"throw_every", 0}, {"return_every", 1}},
              {{"scopes", 5}, {"depth", 3}, {"throw_every", 0}, {"return_every", 0}},
              {{"scopes", 37}, {"depth", 2}, {"throw_every", 3}, {"return_every", 5}},
              {{"scopes", 101}, {"depth", 4}, {"throw_every", 7}, {"return_every", 2}},
          },
      .throughput =
          [](const Params& p) {
            return Throughput{.items = static_cast<double>(p.integer("scopes"))};
          },
      .item = "scope",
      .baseline = "raii_guard",
  });
  return c;
}

}  // namespace idiombench::wrappers::scoped_resource
