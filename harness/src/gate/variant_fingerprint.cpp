#include "gate/variant_fingerprint.hpp"

#include <exception>
#include <map>

#include "build_info.hpp"
#include "gate/code_fingerprint.hpp"
#include "run/measure.hpp"

namespace idiombench {

std::string code_fingerprint_of(const VariantInfo& variant) {
  // One variant, many params points: computed once per variant.
  static std::map<const VariantInfo*, std::string> known;
  auto found = known.find(&variant);
  if (found != known.end()) return found->second;
  std::string value;
  if (variant.code_entry) {
    try {
      static const bool versions_set = [] {
        // libstdc++'s own date stamp, the other libraries' versions, the compiler, the flags.
        CodeImage::self().set_header_versions(
            std::string("libstdc++ ") + std::to_string(__GLIBCXX__) + "; " +
            build_info::library_versions + "; " + build_info::compiler + "; " + build_info::flags);
        return true;
      }();
      (void)versions_set;
      const auto code = CodeImage::self().fingerprint(
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

}  // namespace idiombench
