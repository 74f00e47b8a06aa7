// A case's knobs: ordered key/value pairs, and the grids a profile expands into.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace idiombench {

// A knob's value: a whole number (n, threads, latency_us) or a word (distribution).
using ParamValue = std::variant<std::int64_t, std::string>;

std::string to_string(const ParamValue& value);

class Params {
 public:
  Params() = default;
  Params(std::initializer_list<std::pair<std::string, ParamValue>> items);

  // Sets (or replaces) a knob, keeping the order of first declaration.
  void set(const std::string& key, ParamValue value);

  bool contains(std::string_view key) const;
  // Throws std::out_of_range naming the key when missing or of the other kind.
  std::int64_t integer(std::string_view key) const;
  const std::string& text(std::string_view key) const;

  const std::vector<std::pair<std::string, ParamValue>>& items() const { return items_; }
  // "n:1000/k:10": the params part of a benchmark name.
  std::string to_string() const;

  friend bool operator==(const Params&, const Params&) = default;

 private:
  const ParamValue& at(std::string_view key) const;
  std::vector<std::pair<std::string, ParamValue>> items_;
};

// One knob and the values a profile sweeps it over. An axis with `models` applies
// only to the variants of those execution models (e.g. `threads` to the parallel
// ones); the others are measured once, without that knob.
// `except_models` turns that around: every model but those (a host size that a GPU
// model replaces with its own axis of the same key).
struct ParamAxis {
  std::string key;
  std::vector<ParamValue> values;
  std::vector<std::string> models = {};  // empty: every model
  std::vector<std::string> except_models = {};
};
using ParamGrid = std::vector<ParamAxis>;

// An axis of whole numbers computed at run time (e.g. from the machine's caches).
ParamAxis integer_axis(std::string key, const std::vector<std::int64_t>& values,
                       std::vector<std::string> models = {});

// The hardware threads of this machine (at least 1).
std::int64_t hardware_threads();

// The thread / worker counts a parallel case sweeps on this machine: quick 1 and nproc;
// full also every power of two between, and with `oversubscribe` up to 2 x nproc (what
// happens with more workers than cores). Sorted, without repeats.
struct WorkerSweep {
  bool full = false;
  bool oversubscribe = false;
};
std::vector<std::int64_t> worker_counts(WorkerSweep sweep);

// The cartesian product of the axes, first axis varying slowest.
std::vector<Params> expand(const ParamGrid& grid);
// The same, with only the axes that apply to `model`.
std::vector<Params> expand_for_model(const ParamGrid& grid, const std::string& model);
// Each point crossed with the axes of `grid` that apply to `model`.
std::vector<Params> cross_for_model(const std::vector<Params>& points, const ParamGrid& grid,
                                    const std::string& model);

}  // namespace idiombench
