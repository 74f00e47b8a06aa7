// Defining a case and registering its variants: the whole API a suite needs.
//
//   Case<Input, Output>& the_case() {
//     static auto& c = define_case<Input, Output>({.name = "sum_squares", ...});
//     return c;
//   }
//   // one file per variant:
//   [[maybe_unused]] const auto registered = the_case().add_variant(
//       {.name = "index_loop", .model = "serial", .run = index_loop});
#pragma once

#include <algorithm>
#include <concepts>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <memory>
#include <numeric>
#include <optional>
#include <ranges>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "idiombench/allocations.hpp"
#include "idiombench/context.hpp"
#include "idiombench/equivalence.hpp"
#include "idiombench/model.hpp"
#include "idiombench/params.hpp"
#include "idiombench/registry.hpp"

namespace idiombench {

namespace detail {
// A range of numbers (a concept, so that a non-range never asks for its value type).
template <class T>
concept NumberRange =
    std::ranges::input_range<T> && std::is_arithmetic_v<std::ranges::range_value_t<T>>;

// The default checksum: the number itself, the sum of a range of numbers, or none.
template <class Output>
std::optional<double> default_checksum(const Output& out) {
  if constexpr (std::is_arithmetic_v<Output>) {
    return static_cast<double>(out);
  } else if constexpr (NumberRange<Output>) {
    double sum = 0;
    for (const auto& x : out) sum += static_cast<double>(x);
    return sum;
  } else {
    return std::nullopt;
  }
}

// Makes the optimiser assume `value` is read, so the work that produced it cannot be
// dropped (what benchmark::DoNotOptimize does, without Google Benchmark in every suite).
template <class T>
inline void keep(const T& value) {
  asm volatile("" : : "r"(&value) : "memory");
}

std::string describe_current_exception();

// A copy of a variant's call that is never run: its address is where the code fingerprint
// starts, and it reaches the variant's body as the timed call does (inlined or called).
template <class Input, class Output, class F>
Output fingerprint_entry(F& f, const Input& in, [[maybe_unused]] Context& ctx) {
  if constexpr (std::is_invocable_r_v<Output, F&, const Input&, Context&>) {
    return f(in, ctx);
  } else {
    return f(in);
  }
}

// The variant's own code: a plain function is its own entry; anything else (a lambda,
// a function object) gets an entry of its own type.
template <class Input, class Output, class F>
const void* code_entry(const F& f) {
  if constexpr (std::is_pointer_v<F> && std::is_function_v<std::remove_pointer_t<F>>) {
    return reinterpret_cast<const void*>(f);
  } else {
    return reinterpret_cast<const void*>(&fingerprint_entry<Input, Output, F>);
  }
}
[[noreturn]] void registration_error(const std::string& message);
}  // namespace detail

template <class Input, class Output, class Expected = Output>
struct CaseSpec {
  std::string name;
  std::string question;
  std::function<Input(const Params&)> make_input;
  std::function<Expected(const Input&)> reference;
  Equivalence<Output, Expected> equivalence = exactly<Output, Expected>();
  ParamGrid quick;
  ParamGrid full;
  std::vector<Params> conformance;
  std::function<Throughput(const Params&)> throughput = [](const Params&) { return Throughput{}; };
  // What one of the throughput's items is ("element", "page", "call"): the report says
  // "pages/s" or "ns per element" rather than items.
  std::string item = "item";
  std::string baseline;
  // Empty: the suite whose files call define_case (idiombench_add_suite names it).
  std::string suite = {};
  std::function<std::optional<double>(const Output&)> checksum = detail::default_checksum<Output>;
  // Called on the input before each verification run, e.g. to poison an output
  // workspace with NaN so that an element a variant forgets to write fails.
  std::function<void(Input&)> before_verification = {};
  // Axes crossed with every conformance point, for the variants of their models
  // (e.g. threads 1 and 3 for the parallel ones).
  ParamGrid conformance_axes = {};
  // "suite/case" whose best `counter` in the same run is this case's physical
  // limit: each timed entry then gets fraction_of_peak = its counter / that best.
  PhysicalLimit physical_limit = {};
  // The limit for the variants of particular models instead, e.g. {"cuda", device peak}.
  std::map<std::string, PhysicalLimit> physical_limit_by_model = {};
};

// A variant's body: Output(const Input&) or Output(const Input&, Context&).
template <class Input, class Output>
class RunFunction {
 public:
  template <class F>
  requires std::is_invocable_r_v<Output, F&, const Input&, Context&> ||
      std::is_invocable_r_v<Output, F&, const Input&>
      RunFunction(F f)  // NOLINT(google-explicit-constructor): reads as `.run = fn`
      : entry_(detail::code_entry<Input, Output>(f)) {
    if constexpr (std::is_invocable_r_v<Output, F&, const Input&, Context&>) {
      fn_ = std::move(f);
    } else {
      fn_ = [f = std::move(f)](const Input& in, Context&) mutable { return f(in); };
    }
  }
  Output operator()(const Input& in, Context& ctx) const { return fn_(in, ctx); }
  // A function from which all of the variant's code is reached (VariantInfo::code_entry).
  const void* entry() const { return entry_; }

 private:
  const void* entry_;
  std::function<Output(const Input&, Context&)> fn_;
};

template <class Input, class Output>
struct VariantSpec {
  std::string name;
  std::string model;
  RunFunction<Input, Output> run;
  std::function<std::string()> why_unavailable = [] { return std::string(); };
  // Why a timed run at these params is skipped, if it is (VariantInfo::skipped_at).
  std::function<std::string(const Params&)> skipped_at = {};
  // Source text the variant interprets (VariantInfo::interpreted_code).
  std::function<std::string()> interpreted_code = {};
};

template <class Input, class Output, class Expected = Output>
class Case final : public CaseBase {
 public:
  explicit Case(CaseSpec<Input, Output, Expected> spec) : spec_(std::move(spec)) {
    info_ = {spec_.suite,          spec_.name,
             spec_.question,       spec_.baseline,
             spec_.quick,          spec_.full,
             spec_.conformance,    spec_.conformance_axes,
             spec_.physical_limit, spec_.physical_limit_by_model,
             spec_.item,           reinterpret_cast<const void*>(&Case::timed_call)};
    if (spec_.suite.empty() || spec_.name.empty() || spec_.question.empty() || !spec_.make_input ||
        !spec_.reference || spec_.baseline.empty()) {
      detail::registration_error("case '" + spec_.name +
                                 "' needs a suite, name, question, input, reference and baseline");
    }
  }

  Registration add_variant(VariantSpec<Input, Output> variant) {
    if (!well_formed_model_name(variant.model)) {
      detail::registration_error("variant '" + variant.name + "' of '" + spec_.name +
                                 "' has a malformed model name '" + variant.model + "'");
    }
    if (variant_index(variant.name)) {
      detail::registration_error("variant '" + variant.name + "' of '" + spec_.name +
                                 "' is registered twice");
    }
    auto at = std::lower_bound(variants_.begin(), variants_.end(), variant.name,
                               [](const auto& v, const std::string& n) { return v.name < n; });
    auto offset = at - variants_.begin();
    infos_.insert(infos_.begin() + offset,
                  {variant.name, variant.model, variant.why_unavailable, variant.skipped_at,
                   variant.run.entry(), variant.interpreted_code});
    variants_.insert(at, std::move(variant));
    return {};
  }

  // Pairs each variant (registered already) with its counterpart in another language
  // (VariantInfo::counterpart): `{{"py_naive", "naive_recursive"}, ...}`. The counterpart
  // may register later; the conformance test checks that it exists.
  Registration counterparts(std::initializer_list<std::pair<std::string, std::string>> pairs) {
    for (const auto& [variant, counterpart] : pairs) {
      auto index = variant_index(variant);
      if (!index) {
        detail::registration_error("counterpart of '" + variant + "' in '" + spec_.name +
                                   "': no such variant (register it first)");
        continue;
      }
      infos_[*index].counterpart = counterpart;
    }
    return {};
  }

  const CaseSpec<Input, Output, Expected>& spec() const { return spec_; }
  const CaseInfo& info() const override { return info_; }
  const std::vector<VariantInfo>& variants() const override { return infos_; }
  std::unique_ptr<PreparedCase> prepare(const Params& params) const override {
    return std::make_unique<Prepared>(*this, params);
  }

 private:
  class Prepared final : public PreparedCase {
   public:
    Prepared(const Case& c, const Params& params)
        : case_(c),
          params_(params),
          input_(c.spec_.make_input(params_)),
          expected_(c.spec_.reference(input_)) {}

    Verification verify(std::size_t variant) override {
      Verification result;
      if (case_.spec_.before_verification) case_.spec_.before_verification(input_);
      Context ctx(params_, /*verifying=*/true);
      std::optional<Output> got;
      try {
        AllocationWatch watch;
        got.emplace(case_.variants_.at(variant).run(input_, ctx));
        result.peak_bytes = static_cast<double>(watch.peak_bytes());
      } catch (...) {
        result.mismatch = "threw " + detail::describe_current_exception();
        return result;
      }
      if (auto difference = case_.spec_.equivalence(*got, expected_)) {
        result.mismatch = "wrong answer: " + *difference;
        return result;
      }
      result.ok = true;
      result.checksum = case_.spec_.checksum(*got);
      result.counters = ctx.counters();
      return result;
    }

    void run(std::size_t variant) override {
      Context ctx(params_, /*verifying=*/false);
      Output out = case_.variants_[variant].run(input_, ctx);
      detail::keep(out);
    }

    Throughput throughput() const override { return case_.spec_.throughput(params_); }

   private:
    const Case& case_;
    Params params_;
    Input input_;
    Expected expected_;
  };

  // The timed call, reached directly (CaseInfo::timing_entry); never run.
  static void timed_call(PreparedCase& prepared, std::size_t variant) {
    static_cast<Prepared&>(prepared).Prepared::run(variant);
  }

  CaseSpec<Input, Output, Expected> spec_;
  CaseInfo info_;
  std::vector<VariantSpec<Input, Output>> variants_;
  std::vector<VariantInfo> infos_;
};

// idiombench_add_suite defines IDIOMBENCH_SUITE_NAME for a suite's files.
#ifndef IDIOMBENCH_SUITE_NAME
#define IDIOMBENCH_SUITE_NAME ""
#endif

// Creates a case and adds it to the registry. Call it from a function-local static
// so variants in other files can reach the case whatever the order of static
// initialisation. The suite's name is a default argument, so it is the caller's: the
// file that defines the case, compiled as part of its suite.
template <class Input, class Output, class Expected = Output>
Case<Input, Output, Expected>& define_case(CaseSpec<Input, Output, Expected> spec,
                                           std::string_view suite = IDIOMBENCH_SUITE_NAME) {
  if (spec.suite.empty()) spec.suite = suite;
  auto owned = std::make_unique<Case<Input, Output, Expected>>(std::move(spec));
  auto& ref = *owned;
  Registry::instance().add(std::move(owned));
  return ref;
}

}  // namespace idiombench
