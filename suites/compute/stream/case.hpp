// compute/{copy,scale,add,triad,dot}: the STREAM kernels in every execution model,
// against the machine's measured bandwidth (compute/peak).
#pragma once

#include <concepts>
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "aligned_buffer.hpp"
#include "idiombench/case.hpp"
#include "stream/kernels.hpp"

namespace idiombench::compute::stream {

// Two inputs and one output, 64-byte aligned unless `offset` shifts their start.
// The output is a workspace: variants write it and return a view of it.
struct Arrays {
  AlignedBuffer x_storage, y_storage, out_storage;
  std::span<const double> x, y;
  std::span<double> out;
  double scalar = 0.4;
  int threads = 1;  // the `threads` param, or every hardware thread when there is none
};

using View = std::span<const double>;

// The dot product's reference carries its own tolerance, which depends on the data.
struct ExpectedSum {
  double value;
  double tolerance;
};

Case<Arrays, View, std::vector<double>>& copy_case();
Case<Arrays, View, std::vector<double>>& scale_case();
Case<Arrays, View, std::vector<double>>& add_case();
Case<Arrays, View, std::vector<double>>& triad_case();
Case<Arrays, double, ExpectedSum>& dot_case();
// compute/peak (peak.cpp): the best tuned triad, the limit of the cases above.
Case<Arrays, View, std::vector<double>>& peak_case();
// compute/device_peak (device_peak.cpp): a CUDA device's copy bandwidth, the limit of
// the CUDA variants of the cases above.
Case<Arrays, View, std::vector<double>>& device_peak_case();

// Inputs for a params point (n, offset): values in [0.5, 1.5), output zeroed.
Arrays make_arrays(const Params& p);
// Fills the output with NaN, so an element a variant does not write fails verification.
void poison(Arrays& a);

// A map kernel computed in long double and rounded once.
template <class Op>
std::vector<double> map_reference(const Arrays& a) {
  std::vector<double> out(a.x.size());
  const Op op{a.scalar};
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] =
        static_cast<double>(op(static_cast<long double>(a.x[i]), static_cast<long double>(a.y[i])));
  }
  return out;
}

// The smallest memory-bound array (elements), whatever cache size the machine reports:
// 256 MiB in full, like BabelStream's default; 32 MiB in quick (96 MiB for three arrays,
// beyond nearly any LLC: every process first-touches its arrays and the reference, ~1 s
// per 250 MB on a small VM, and the quick profile has ~90 such points).
std::int64_t memory_floor(bool full);

// The models that take a `threads` param.
const std::vector<std::string>& parallel_models();

// What a model's kernels are told about the run: host models use `threads`; device
// models use `verifying`, to bring their output back only for the comparison.
struct Launch {
  int threads = 1;
  bool verifying = false;
};

// One execution model's map kernels: out[i] = op(x[i], y[i]) for each STREAM operation,
// written once as a template over the operation (kernels.hpp).
template <class Model>
concept MapModel = requires(const Arrays& a, Launch launch) {
  Model::map(a, Copy{0}, launch);
  Model::map(a, Scale{0}, launch);
  Model::map(a, Add{0}, launch);
  Model::map(a, Triad{0}, launch);
};

// A whole STREAM model: the map kernels and the dot product.
template <class Model>
concept StreamModel = MapModel<Model> && requires(const Arrays& a, Launch launch) {
  { Model::dot(a, launch) } -> std::same_as<double>;
};

// Registers `Model` as variant `name` of copy, scale, add and triad. A model that
// lacks a kernel does not compile.
template <MapModel Model>
Registration register_map_variant(const std::string& name, const std::string& model,
                                  std::function<std::string()> why_unavailable = {}) {
  if (!why_unavailable) why_unavailable = [] { return std::string(); };
  auto map_variant = [&]<class Op>(Case<Arrays, View, std::vector<double>>& c, Op) {
    c.add_variant({.name = name,
                   .model = model,
                   .run =
                       [](const Arrays& a, Context& ctx) {
                         Model::map(a, Op{a.scalar}, Launch{a.threads, ctx.verifying()});
                         return View(a.out);
                       },
                   .why_unavailable = why_unavailable});
  };
  map_variant(copy_case(), Copy{});
  map_variant(scale_case(), Scale{});
  map_variant(add_case(), Add{});
  map_variant(triad_case(), Triad{});
  return {};
}

// Registers `Model` as variant `name` of the four map kernels and of dot.
template <StreamModel Model>
Registration register_stream_variant(const std::string& name, const std::string& model,
                                     std::function<std::string()> why_unavailable = {}) {
  if (!why_unavailable) why_unavailable = [] { return std::string(); };
  register_map_variant<Model>(name, model, why_unavailable);
  return dot_case().add_variant({.name = name,
                                 .model = model,
                                 .run =
                                     [](const Arrays& a, Context& ctx) {
                                       return Model::dot(a, Launch{a.threads, ctx.verifying()});
                                     },
                                 .why_unavailable = why_unavailable});
}

}  // namespace idiombench::compute::stream
