#include "gate/variant_fingerprint.hpp"

#include <exception>
#include <map>
#include <string>

#include "build_info.hpp"
#include "gate/code_fingerprint.hpp"
#include "results/results.hpp"
#include "run/measure.hpp"

namespace idiombench {
namespace {

// This executable's image, told once what identifies its header libraries' instances:
// libstdc++'s date stamp, the other libraries' versions, the compiler and the flags.
CodeImage& image() {
  static CodeImage& self = []() -> CodeImage& {
    auto& made = CodeImage::self();
    made.set_header_versions(std::string("libstdc++ ") + std::to_string(__GLIBCXX__) + "; " +
                             build_info::library_versions + "; " + build_info::compiler + "; " +
                             build_info::flags);
    return made;
  }();
  return self;
}

}  // namespace

std::string code_fingerprint_of(const VariantInfo& variant) {
  // One variant, many params points: computed once per variant.
  static std::map<const VariantInfo*, std::string> known;
  auto found = known.find(&variant);
  if (found != known.end()) return found->second;
  std::string value;
  if (variant.code_entry) {
    try {
      const auto code = image().fingerprint(
          variant.code_entry, variant.interpreted_code ? variant.interpreted_code() : "");
      value = code.hash;
    } catch (const std::exception&) {
      value.clear();  // a binary without symbols: no fingerprint, i.e. "changed" to the gate
    }
  }
  return known[&variant] = value;
}

std::string code_fingerprint_of(const PlannedBenchmark& benchmark) {
  auto code = code_fingerprint_of(benchmark.variant_info());
  // A build with ci/gate-experiment.sh's injected slowdown runs the matching benchmarks'
  // variants more often: it says so in their fingerprints, as a change to them would.
  if (!code.empty() && injected_every(benchmark.name) > 0)
    code = combine_fingerprint(code, std::string("injected:") + build_info::injected_slowdown);
  return code;
}

std::string timing_fingerprint_of(const PlannedBenchmark& benchmark) {
  static std::map<const void*, std::string> known;  // per case
  const void* entry = benchmark.info().timing_entry;
  auto found = known.find(entry);
  if (found != known.end()) return found->second;
  std::string value;
  if (entry) {
    try {
      const auto loop = image().fingerprint(timing_loop_entry());
      const auto call = image().fingerprint(entry);
      if (!loop.hash.empty() && !call.hash.empty())
        value = combine_fingerprint(loop.hash, "timed call:" + call.hash);
    } catch (const std::exception&) {
      value.clear();
    }
  }
  return known[entry] = value;
}

nlohmann::json fingerprinted_identity(const PlannedBenchmark& benchmark) {
  auto identity = identity_of(benchmark, code_fingerprint_of(benchmark));
  if (auto timing = timing_fingerprint_of(benchmark); !timing.empty())
    identity["timing_fingerprint"] = timing;
  return identity;
}

}  // namespace idiombench
