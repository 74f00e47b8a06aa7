#include <cmath>
#include <cstdint>
#include <limits>
#include <thread>
#include <vector>

#include "counter_random.hpp"
#include "device_sizes.hpp"
#include "machine_sizes.hpp"
#include "stream/case.hpp"

namespace idiombench::compute::stream {

Arrays make_arrays(const Params& p) {
  const auto n = static_cast<std::size_t>(p.integer("n"));
  const auto offset = static_cast<std::size_t>(p.contains("offset") ? p.integer("offset") : 0);
  Arrays a{
      AlignedBuffer(n, offset), AlignedBuffer(n, offset), AlignedBuffer(n, offset), {}, {}, {}};
  auto x = a.x_storage.span(), y = a.y_storage.span();
  a.out = a.out_storage.span();
  // Every page is written here, so no timed run pays for first touches.
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = uniform_near_one(2 * i);
    y[i] = uniform_near_one(2 * i + 1);
    a.out[i] = 0;
  }
  a.x = x;
  a.y = y;
  a.threads = threads_param(p);
  return a;
}

void poison(Arrays& a) {
  std::fill(a.out.begin(), a.out.end(), std::numeric_limits<double>::quiet_NaN());
}

namespace {}  // namespace

std::int64_t memory_floor(bool full) {
  return full ? std::int64_t{1} << 25 : std::int64_t{1} << 22;
}

namespace {

// The sizes of the question: in L1, in L2 (full only: it keeps quick within a minute),
// and beyond the last-level cache (2x in quick, 4x in full, as STREAM's rules ask);
// parallel models at 1..nproc threads.
// The device models (cuda, kokkos_cuda) take their two sizes from the GPU's L2 instead.
ParamGrid grid(int arrays, bool full) {
  std::vector<std::int64_t> sizes{elements_in_cache(1, arrays)};
  if (full) sizes.push_back(elements_in_cache(2, arrays));
  sizes.push_back(elements_beyond_llc(full ? 4.0 : 2.0, arrays, memory_floor(full)));
  ParamGrid axes = host_and_device_sizes(sizes, arrays);
  axes.push_back(integer_axis("threads", worker_counts({.full = full}), parallel_models()));
  return axes;
}

const std::vector<Params> conformance_sizes = [] {
  std::vector<Params> sizes;
  // Aligned (no offset: what the profiles measure), then one element off alignment.
  for (std::int64_t n : {0, 1, 3, 17, 1000003}) sizes.push_back({{"n", n}});
  for (std::int64_t n : {0, 1, 3, 17, 1000003}) sizes.push_back({{"n", n}, {"offset", 1}});
  return sizes;
}();

// Memory bandwidth limits a kernel only when the arrays it touches do not fit the caches.
template <int arrays_touched>
bool beyond_the_caches(const Params& p) {
  return beyond_last_level_cache(p.integer("n") * arrays_touched *
                                 static_cast<std::int64_t>(sizeof(double)));
}

// ...and on a GPU, only beyond its L2.
template <int arrays_touched>
bool beyond_device_l2(const Params& p) {
  return p.integer("n") * arrays_touched * static_cast<std::int64_t>(sizeof(double)) >
         device_l2_bytes();
}

// The GPU models' limit: the device's own memory, measured in the same run.
template <int arrays_touched>
std::map<std::string, PhysicalLimit> device_limits() {
  const PhysicalLimit limit{"compute/device_peak", "bytes_per_second",
                            beyond_device_l2<arrays_touched>};
  std::map<std::string, PhysicalLimit> limits;
  for (const auto& model : device_models()) limits[model] = limit;
  return limits;
}

template <class Op>
Case<Arrays, View, std::vector<double>>& define_map_case(const char* question) {
  return define_case<Arrays, View, std::vector<double>>({
      .name = Op::name,
      .question = question,
      .make_input = make_arrays,
      .reference = map_reference<Op>,
      // Within two units in the last place: with or without a fused multiply-add.
      .equivalence = within<View, std::vector<double>>(4.5e-16),
      .quick = grid(3, false),
      .full = grid(3, true),
      .conformance = conformance_sizes,
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("n"));
            return Throughput{.items = n,
                              .bytes_read = n * Op::reads * sizeof(double),
                              .bytes_written = n * Op::writes * sizeof(double),
                              .flops = n * Op::flops};
          },
      .item = "element",
      .baseline = "autovec",
      .before_verification = poison,
      .conformance_axes = {{"threads", {1, 3}, parallel_models()}},
      .physical_limit = {"compute/peak", "bytes_per_second",
                         beyond_the_caches<Op::reads + Op::writes>},
      .physical_limit_by_model = device_limits<Op::reads + Op::writes>(),
  });
}

}  // namespace

const std::vector<std::string>& parallel_models() {
  static const std::vector<std::string> models{"openmp", "tbb", "kokkos", "threads"};
  return models;
}

Case<Arrays, View, std::vector<double>>& copy_case() {
  static auto& c = define_map_case<Copy>(
      "How close does each execution model get to the memory system's limit when copying "
      "one array to another (c = a)?");
  return c;
}
Case<Arrays, View, std::vector<double>>& scale_case() {
  static auto& c =
      define_map_case<Scale>("What does STREAM scale (b = s * c) reach in each model?");
  return c;
}
Case<Arrays, View, std::vector<double>>& add_case() {
  static auto& c = define_map_case<Add>("What does STREAM add (c = a + b) reach in each model?");
  return c;
}
Case<Arrays, View, std::vector<double>>& triad_case() {
  static auto& c = define_map_case<Triad>(
      "What fraction of the machine's measured bandwidth does STREAM triad (a = b + s * c) "
      "reach in each execution model, in cache and beyond it?");
  return c;
}

Case<Arrays, double, ExpectedSum>& dot_case() {
  static auto& c = define_case<Arrays, double, ExpectedSum>({
      .name = "dot",
      .question = "How fast is a reduction (sum of x * y) in each model, and what do threads "
                  "cost when the answer is one number?",
      .make_input = make_arrays,
      .reference =
          [](const Arrays& a) {
            long double sum = 0, magnitude = 0;
            for (std::size_t i = 0; i < a.x.size(); ++i) {
              long double term = static_cast<long double>(a.x[i]) * a.y[i];
              sum += term;
              magnitude += std::fabs(term);
            }
            // Any summation order is within n * eps * sum|x*y| of the exact value.
            double n = static_cast<double>(a.x.size());
            double eps = std::numeric_limits<double>::epsilon() / 2;
            return ExpectedSum{static_cast<double>(sum),
                               (n + 1) * eps * static_cast<double>(magnitude) + 1e-300};
          },
      .equivalence = [](const double& got,
                        const ExpectedSum& expected) -> std::optional<std::string> {
        if (std::fabs(got - expected.value) <= expected.tolerance) return std::nullopt;
        return "got " + std::to_string(got) + ", expected " + std::to_string(expected.value) +
               " within " + std::to_string(expected.tolerance);
      },
      .quick = grid(2, false),
      .full = grid(2, true),
      .conformance = conformance_sizes,
      .throughput =
          [](const Params& p) {
            auto n = static_cast<double>(p.integer("n"));
            return Throughput{.items = n, .bytes_read = n * 2 * sizeof(double), .flops = n * 2};
          },
      .item = "element",
      .baseline = "autovec",
      .conformance_axes = {{"threads", {1, 3}, parallel_models()}},
      .physical_limit = {"compute/peak", "bytes_per_second", beyond_the_caches<2>},
      .physical_limit_by_model = device_limits<2>(),
  });
  return c;
}

}  // namespace idiombench::compute::stream
