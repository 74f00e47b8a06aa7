#include "aos_vs_soa/case.hpp"

#include <algorithm>
#include <limits>

#include "idiombench/support/cache_sizes.hpp"

namespace idiombench::binary_data::aos_vs_soa {
namespace {

Operation operation(const Params& p) {
  const auto& op = p.text("op");
  if (op == "sum_mass") return Operation::sum_mass;
  if (op == "set_positions") return Operation::set_positions;
  throw std::invalid_argument("op must be sum_mass or set_positions, not " + op);
}

Input make_input(const Params& p) {
  auto n = p.integer("n");
  if (n < 0 || n > 100'000'000) throw std::invalid_argument("n must be in [0, 1e8]");
  Input in{operation(p), static_cast<std::size_t>(n), {}, {}, {}};
  auto count = in.n;
  in.aos.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    double x = static_cast<double>(i % 1000);
    in.aos[i] = {x,
                 -x,
                 0.5 + x / 64,
                 1.0 - x / 128,
                 1.0 + static_cast<double>(i % 7) / 8,
                 (i % 2 ? -1.0 : 1.0),
                 static_cast<std::uint32_t>(i),
                 static_cast<std::uint32_t>(i % 3)};
  }
  auto& s = in.soa;
  for (auto* v : {&s.px, &s.py, &s.vx, &s.vy, &s.mass, &s.charge}) v->reserve(count);
  s.id.reserve(count);
  s.flags.reserve(count);
  in.aosoa.assign((count + block - 1) / block, Block{});
  for (std::size_t i = 0; i < count; ++i) {
    const auto& q = in.aos[i];
    s.px.push_back(q.px), s.py.push_back(q.py), s.vx.push_back(q.vx), s.vy.push_back(q.vy);
    s.mass.push_back(q.mass), s.charge.push_back(q.charge), s.id.push_back(q.id);
    s.flags.push_back(q.flags);
    auto& b = in.aosoa[i / block];
    auto k = i % block;
    b.px[k] = q.px, b.py[k] = q.py, b.vx[k] = q.vx, b.vy[k] = q.vy, b.mass[k] = q.mass;
    b.charge[k] = q.charge, b.id[k] = q.id, b.flags[k] = q.flags;
  }
  return in;
}

Output reference(const Input& in) {
  long double result = 0, written = 0;
  for (const auto& q : in.aos) {
    double px = q.px, py = q.py;
    if (in.op == Operation::set_positions) px = q.vx * time_step, py = q.vy * time_step;
    result += in.op == Operation::sum_mass ? q.mass : px + py;
    written += px + py;
  }
  return {static_cast<double>(result), static_cast<double>(written)};
}

std::optional<std::string> same(const Output& got, const Output& expected) {
  auto close = within<double>(1e-12, 1e-9);
  if (auto d = close(got.result, expected.result)) return "result: " + *d;
  if (auto d = close(got.written, expected.written)) return "px + py afterwards: " + *d;
  return std::nullopt;
}

// n particles: a quarter of L2 (in cache), and beyond the last-level cache: 4x it, at
// least 256 MB, at most 2^23 particles (470 MB per layout, three layouts: a VM may report
// its host's whole L3, and the pure-Python variants build their own copies too) in full;
// 2x, at least 128 MB, at most 2^22 in quick (every process builds all three layouts, and
// first touches of 800 MB cost ~2 s on a small VM).
ParamAxis all_but_python(ParamAxis axis) {
  axis.except_models = {"python"};
  return axis;
}

std::vector<std::int64_t> sizes(bool full) {
  auto l2 = support::cache_bytes(2);
  if (l2 == 0) l2 = 1 << 20;
  std::int64_t particle = sizeof(Particle);
  auto in_cache = std::max<std::int64_t>(64, l2 / 4 / particle);
  const std::int64_t llc = support::last_level_cache_bytes();
  auto beyond = full ? std::min<std::int64_t>(
                           std::max<std::int64_t>(4 * llc, 256ll << 20) / particle, 1ll << 23)
                     : std::min<std::int64_t>(
                           std::max<std::int64_t>(2 * llc, 128ll << 20) / particle, 1ll << 22);
  return {in_cache, beyond};
}

ParamAxis ops() {
  return {"op", {std::string("sum_mass"), std::string("set_positions")}};
}

Params point(const char* op, std::int64_t n) {
  return {{"op", std::string(op)}, {"n", n}};
}

}  // namespace

double written_sum(const Input& in, Layout layout) {
  long double sum = 0;
  switch (layout) {
    case Layout::aos:
      for (const auto& q : in.aos) sum += q.px + q.py;
      break;
    case Layout::soa:
      for (std::size_t i = 0; i < in.n; ++i) sum += in.soa.px[i] + in.soa.py[i];
      break;
    case Layout::aosoa:
      for (std::size_t i = 0; i < in.n; ++i) {
        const auto& b = in.aosoa[i / block];
        sum += b.px[i % block] + b.py[i % block];
      }
      break;
  }
  return static_cast<double>(sum);
}

VariantSpec<Input, Output> layout_variant(std::string name, Layout layout,
                                          double (*run)(const Input&)) {
  return {.name = std::move(name),
          .model = "serial",
          .run = [layout, run](const Input& in, Context& ctx) -> Output {
            double result = run(in);
            return {result, ctx.verifying() ? written_sum(in, layout) : 0.0};
          }};
}

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "aos_vs_soa",
      .question = "Array of structs, struct of arrays, or blocks of 8: what does the layout "
                  "cost when a loop reads one field of each record, or writes two from two "
                  "others, in cache and beyond it?",
      .make_input = make_input,
      .reference = reference,
      // Sums in a different order (vectorised, blocked) differ in the last bits.
      .equivalence = same,
      // Quick: the Python layouts in cache only (a list of 4.8M objects takes seconds to
      // build and gigabytes to hold); the full profile has them beyond the caches too.
      .quick = {ops(), all_but_python(integer_axis("n", sizes(false))),
                integer_axis("n", {sizes(false).front()}, {"python"})},
      .full = {ops(), integer_axis("n", sizes(true))},
      .conformance = {point("sum_mass", 0), point("set_positions", 0), point("sum_mass", 1),
                      point("set_positions", 7), point("sum_mass", 9), point("set_positions", 1001),
                      point("sum_mass", 4099)},
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("n"));
            bool sum = p.text("op") == "sum_mass";
            // What the loop needs, not what the layout drags in: that difference is the case.
            return Throughput{
                .items = n, .bytes_read = n * (sum ? 8 : 16), .bytes_written = n * (sum ? 0 : 16)};
          },
      .item = "particle",
      .baseline = "aos_loop",
      .checksum = [](const Output& o) -> std::optional<double> { return o.result; },
      // Positions a set_positions variant forgets to write are NaN.
      .before_verification =
          [](Input& in) {
            if (in.op != Operation::set_positions) return;
            const double nan = std::numeric_limits<double>::quiet_NaN();
            for (auto& q : in.aos) q.px = q.py = nan;
            std::fill(in.soa.px.begin(), in.soa.px.end(), nan);
            std::fill(in.soa.py.begin(), in.soa.py.end(), nan);
            for (auto& b : in.aosoa) std::fill_n(b.px, block, nan), std::fill_n(b.py, block, nan);
          },
  });
  return c;
}

}  // namespace idiombench::binary_data::aos_vs_soa
