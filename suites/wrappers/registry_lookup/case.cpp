#include "registry_lookup/case.hpp"

namespace idiombench::wrappers::registry_lookup {
namespace {

// n names: the registered ones in a scrambled order (the multiplier is odd, so every name
// comes up as often), every unknown_every-th replaced by one that is not registered —
// some a registered name's prefix or extension, which a careless lookup would accept.
Input make_input(const Params& p) {
  auto n = p.integer("n");
  auto unknown_every = p.integer("unknown_every");
  if (n < 0 || n > 100'000'000 || unknown_every < 0) {
    throw std::invalid_argument("n must be in [0, 1e8] and unknown_every at least 0");
  }
  static const std::array<std::string, 4> strangers = {"cs", "jsonl", "", "Parquet"};
  Input in;
  in.names.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    if (unknown_every != 0 && i % unknown_every == unknown_every - 1) {
      in.names.push_back(strangers[static_cast<std::size_t>(i / unknown_every) % strangers.size()]);
    } else {
      in.names.emplace_back(
          reader_names[static_cast<std::size_t>(i * 5 + i / 16) % reader_names.size()]);
    }
  }
  return in;
}

Output reference(const Input& in) {
  Output out;
  std::uint64_t i = 0;
  for (const auto& name : in.names) {
    ++i;
    bool found = false;
    for (std::size_t k = 0; k < reader_names.size(); ++k) {
      if (reader_names[k] == name) {
        out.tags += i * tag_of(k);
        found = true;
      }
    }
    out.unknown += !found;
  }
  return out;
}

}  // namespace

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "registry_lookup",
      .question = "The `register` class decorator: what does looking a name up in a registry "
                  "filled by static self-registration, and constructing what it names, cost "
                  "with std::unordered_map, absl::flat_hash_map, a sorted array with binary "
                  "search, or a switch on an enum?",
      .make_input = make_input,
      .reference = reference,
      .quick = {integer_axis("n", {10000}), integer_axis("unknown_every", {0})},
      .full = {integer_axis("n", {10000}), integer_axis("unknown_every", {0, 10})},
      .conformance = {{{"n", 0}, {"unknown_every", 0}},
                      {{"n", 1}, {"unknown_every", 0}},
                      {{"n", 1}, {"unknown_every", 1}},
                      {{"n", 16}, {"unknown_every", 0}},
                      {{"n", 101}, {"unknown_every", 3}},
                      {{"n", 4099}, {"unknown_every", 97}}},
      .throughput =
          [](const Params& p) { return Throughput{.items = static_cast<double>(p.integer("n"))}; },
      .item = "lookup",
      .baseline = "unordered_map",
  });
  return c;
}

}  // namespace idiombench::wrappers::registry_lookup
