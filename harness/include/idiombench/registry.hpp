// The type-erased view of cases and variants that the runner, the CLI and the
// conformance tests share. Suites do not use this directly: see case.hpp.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "idiombench/params.hpp"

namespace idiombench {

// Work done by one run of a variant: items_per_second, and bytes_read_per_second /
// bytes_written_per_second (bytes_per_second is their sum). Reads and writes are
// declared apart, as the kernel's own loop does them: a cache's write-allocate read of
// an output line is the machine's, not the kernel's, and shows as the gap to peak.
struct Throughput {
  double items = 0;
  double bytes_read = 0;
  double bytes_written = 0;
  double flops = 0;  // floating-point operations, for flops_per_second
  double bytes() const { return bytes_read + bytes_written; }
};

struct VariantInfo {
  std::string name;
  std::string model;
  // Empty when the variant can run on this machine; otherwise why not.
  std::function<std::string()> why_unavailable;
  // Empty (or unset) when a timed run at these params is worth making; otherwise why it is
  // skipped there (pure Python over 42M elements: minutes a call). Conformance points are
  // never skipped this way.
  std::function<std::string(const Params&)> skipped_at = {};
  // Where the variant's code starts (a function the timed call reaches all of it from),
  // for the code fingerprint; null when unknown.
  const void* code_entry = nullptr;
  // Source text the timed call interprets rather than runs as machine code (a Python
  // variant's module), hashed into the fingerprint; empty function: none.
  std::function<std::string()> interpreted_code = {};
  // The variant of the same case that does what this one does in another language (a
  // Python idiom's C++ counterpart: naive recursion with naive recursion); empty: none.
  // Reports compare the two like with like, and the fastest variant separately.
  std::string counterpart = {};
};

// Where a case's physical limit is measured: the best value of `counter` among the
// timed entries of case `of` ("suite/case") in the same run.
// `applies_at`, when set, says at which params the limit applies: a memory bandwidth
// says nothing of a working set that stays in the caches, so those points get no
// fraction rather than a multiple of it.
struct PhysicalLimit {
  std::string of;
  std::string counter = "bytes_per_second";
  std::function<bool(const Params&)> applies_at = {};
};

struct CaseInfo {
  std::string suite;
  std::string name;
  std::string question;  // the one sentence the case answers
  std::string baseline;  // the variant speedups are measured against
  ParamGrid quick;
  ParamGrid full;
  std::vector<Params> conformance;  // the awkward sizes every variant is checked at
  ParamGrid conformance_axes;       // crossed with each conformance point, per model
  PhysicalLimit physical_limit;     // empty `of`: none
  // For the variants of these models, another limit (a GPU's own memory, not the host's).
  std::map<std::string, PhysicalLimit> physical_limit_by_model;
  std::string item = "item";  // what one throughput item is (CaseSpec::item)
  // Where the case's timed call starts (its PreparedCase::run, called directly), for the
  // timing fingerprint: the harness's code around each variant's call.
  const void* timing_entry = nullptr;
  // The limit that applies to a variant of `model` (empty `of`: none).
  const PhysicalLimit& physical_limit_for(const std::string& model) const {
    auto found = physical_limit_by_model.find(model);
    return found == physical_limit_by_model.end() ? physical_limit : found->second;
  }
};

// What one verification run of a variant found.
struct Verification {
  bool ok = false;
  std::string mismatch;  // why not ok: "wrong answer: <first difference>" or "threw ..."
  std::optional<double> checksum;
  std::map<std::string, double> counters;  // case-specific, from the variant's Context
  double peak_bytes = 0;                   // heap high-water mark during the run
};

// A case with its input and reference answer built for one params point.
class PreparedCase {
 public:
  virtual ~PreparedCase() = default;
  // Runs the variant once (untimed) and compares its output with the reference.
  virtual Verification verify(std::size_t variant) = 0;
  // One timed run; the output is kept from the optimiser and discarded.
  virtual void run(std::size_t variant) = 0;
  virtual Throughput throughput() const = 0;
};

class CaseBase {
 public:
  virtual ~CaseBase() = default;
  virtual const CaseInfo& info() const = 0;
  // Sorted by name; indices are what PreparedCase takes.
  virtual const std::vector<VariantInfo>& variants() const = 0;
  // Builds the input and the reference answer (both untimed).
  virtual std::unique_ptr<PreparedCase> prepare(const Params& params) const = 0;

  std::optional<std::size_t> variant_index(std::string_view name) const;
};

// Returned by add_variant, declare_model and declare_backend, so a registration can
// initialise a namespace-scope constant.
struct Registration {};

// A case's params grid by name: "quick" or "full" (profiles choose one; see
// harness/src/profiles.hpp).
const ParamGrid& grid_for(const CaseInfo& info, std::string_view profile);

class Registry {
 public:
  static Registry& instance();

  void add(std::unique_ptr<CaseBase> a_case);
  // Sorted by suite, then case name.
  std::vector<const CaseBase*> cases() const;
  std::vector<std::string> suites() const;
  // What static registration could not check in its own order: every variant's model
  // declared by some suite. Empty when all is well.
  std::vector<std::string> problems() const;

 private:
  std::vector<std::unique_ptr<CaseBase>> cases_;
};

}  // namespace idiombench
