// The regression gate's parts that need no binary to compare: the stopping rule, the
// choice of what to time, and the command line's fractions and durations.
#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <elf.h>

#include "cli/arguments.hpp"
#include "gate/aarch64_relocation.hpp"
#include "gate/code_selection.hpp"
#include "gate/header_library.hpp"
#include "gate/sequential.hpp"

namespace idiombench {
namespace {

std::vector<PairRatio> noisy_pairs(int n, double sigma, int layouts, unsigned seed) {
  std::mt19937_64 random(seed);
  std::normal_distribution<double> noise(0, sigma);
  std::vector<PairRatio> pairs;
  for (int k = 0; k < n; ++k) pairs.push_back({k % layouts, noise(random)});
  return pairs;
}

TEST(StoppingRule, TooFewPairsSayNothing) {
  EXPECT_FALSE(detectable_change({{0, 0.01}, {0, -0.01}}).has_value());
}

TEST(StoppingRule, MorePairsDetectSmallerChanges) {
  const auto few = detectable_change(noisy_pairs(8, 0.05, 1, 1));
  const auto many = detectable_change(noisy_pairs(64, 0.05, 1, 1));
  ASSERT_TRUE(few && many);
  EXPECT_GT(*few, *many);
  // sqrt(64/8) ~ 2.8 times narrower, and the t quantiles shrink too.
  EXPECT_GT(*few / *many, 2.5);
}

TEST(StoppingRule, NoisierPairsDetectLess) {
  const auto quiet = detectable_change(noisy_pairs(20, 0.01, 1, 2));
  const auto noisy = detectable_change(noisy_pairs(20, 0.10, 1, 2));
  ASSERT_TRUE(quiet && noisy);
  EXPECT_GT(*noisy, 5 * *quiet);
}

TEST(StoppingRule, ItLooksAtTheWidthNotTheRatio) {
  // The same spread around a 20% shift: the same detectable change.
  auto pairs = noisy_pairs(20, 0.03, 1, 3);
  const auto centred = detectable_change(pairs);
  for (auto& p : pairs) p.log_ratio += std::log(1.2);
  const auto shifted = detectable_change(pairs);
  ASSERT_TRUE(centred && shifted);
  EXPECT_NEAR(*centred, *shifted, 1e-12);
}

TEST(StoppingRule, LayoutsAreTheSamplesWhenThereAreSeveral) {
  // Two layouts 10% apart and otherwise quiet pairs: pair by pair the interval is narrow,
  // layout by layout (layout nested in side) it is as wide as the layouts' disagreement.
  std::vector<PairRatio> pairs;
  for (int k = 0; k < 40; ++k) pairs.push_back({k % 4, (k % 4 < 2 ? 0.1 : 0.0) + 1e-4 * (k % 3)});
  std::vector<PairRatio> one_layout = pairs;
  for (auto& p : one_layout) p.layout = 0;
  const auto by_pair = detectable_change(one_layout);
  const auto by_layout = detectable_change(pairs);
  ASSERT_TRUE(by_pair && by_layout);
  EXPECT_GT(*by_layout, 0.2);
  EXPECT_GT(*by_layout, 2 * *by_pair);
}

TEST(StoppingRule, PairsWantedFollowTheSquareRootLawWithinBounds) {
  EXPECT_EQ(pairs_wanted(10, 0.06, 0.03, 2, 80), 20);   // needs 44: at most twice as many
  EXPECT_EQ(pairs_wanted(10, 0.031, 0.03, 4, 80), 14);  // needs 12: at least `step` more
  EXPECT_EQ(pairs_wanted(60, 0.06, 0.03, 2, 80), 80);   // never above the most
  // An interval far wider than a tiny target: more pairs than an int holds, bounded first.
  EXPECT_EQ(pairs_wanted(6, 1e6, 1e-3, 6, 40), 12);
  EXPECT_EQ(pairs_wanted(20, 0.036, 0.03, 2, 80), 32);  // 20 x 1.44 x 1.1 = 31.7
}

TEST(CodeSelection, ChangedUnknownAndUnchangedAreToldApart) {
  const auto verdicts = select_by_code({"a", "b", "", "d"}, {"a", "x", "c", "d"}, 0, 1);
  EXPECT_EQ(verdicts, (std::vector<CodeChange>{CodeChange::unchanged, CodeChange::changed,
                                               CodeChange::unknown, CodeChange::unchanged}));
  EXPECT_FALSE(timed(CodeChange::unchanged));
  EXPECT_TRUE(timed(CodeChange::changed) && timed(CodeChange::unknown) &&
              timed(CodeChange::sentinel));
}

TEST(CodeSelection, SentinelsAreASeededSampleOfTheUnchanged) {
  std::vector<std::string> same(50, "f");
  same[7] = "";  // a baseline without fingerprints: unknown, never a sentinel
  std::vector<std::string> cand(50, "f");
  auto a = select_by_code(same, cand, 5, 42);
  auto b = select_by_code(same, cand, 5, 42);
  auto c = select_by_code(same, cand, 5, 43);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(std::count(a.begin(), a.end(), CodeChange::sentinel), 5);
  EXPECT_EQ(a[7], CodeChange::unknown);
  // Never more sentinels than unchanged benchmarks.
  auto few = select_by_code({"f", "g"}, {"f", "h"}, 5, 1);
  EXPECT_EQ(few, (std::vector<CodeChange>{CodeChange::sentinel, CodeChange::changed}));
}

TEST(CodeSelection, ABenchmarkThatCannotRunHereIsNeverASentinel) {
  // Half the unchanged cannot run (a GPU variant on a host without one): every sentinel
  // is drawn from the other half, and all four asked for are there, whatever the seed.
  std::vector<std::string> same(40, "f");
  std::vector<bool> runnable(40);
  for (std::size_t i = 0; i < runnable.size(); ++i) runnable[i] = i % 2 == 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    auto verdicts = select_by_code(same, same, 4, seed, runnable);
    EXPECT_EQ(std::count(verdicts.begin(), verdicts.end(), CodeChange::sentinel), 4);
    for (std::size_t i = 0; i < verdicts.size(); ++i) {
      if (!runnable[i]) {
        EXPECT_EQ(verdicts[i], CodeChange::unchanged) << "seed " << seed;
      }
    }
  }
}

TEST(GateArguments, FractionsAndDurationsParseAndRefuseNonsense) {
  CLI::App app;
  double target = 0, budget = 0;
  app.add_option("--target", target)->transform(fraction());
  app.add_option("--budget", budget)->transform(duration_up_to(86400));
  app.parse("--target 3% --budget 10m", /*program_name_included=*/false);
  EXPECT_DOUBLE_EQ(target, 0.03);
  EXPECT_DOUBLE_EQ(budget, 600);
  app.parse("--target 0.05 --budget 1h", false);
  EXPECT_DOUBLE_EQ(target, 0.05);
  EXPECT_DOUBLE_EQ(budget, 3600);
  for (std::string bad : {"0%", "100%", "-3%", "3%%", "abc"}) {
    EXPECT_THROW(app.parse("--target " + bad, false), CLI::ValidationError) << bad;
  }
  for (std::string bad : {"0", "10x", "2d", "-5m", "25h"}) {
    EXPECT_THROW(app.parse("--budget " + bad, false), CLI::ValidationError) << bad;
  }
}

}  // namespace
}  // namespace idiombench

// Which functions a fingerprint identifies by name (header_library.hpp): a library's
// instance over the library's and builtin types only; never one over this project's types,
// lambdas or anonymous namespaces.
TEST(HeaderLibrary, ALibraryInstanceOverItsOwnTypesIsTheLibrarys) {
  using idiombench::header_library_of;
  // std::__cxx11::basic_string<char>::_M_replace(unsigned long, unsigned long, char const*, ...)
  EXPECT_EQ(
      header_library_of("_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE10_M_replaceEmmPKcm"),
      "libstdc++");
  // pybind11::cast_error::~cast_error(): a destructor names its class again.
  EXPECT_EQ(header_library_of("_ZN8pybind1110cast_errorD1Ev"), "pybind11");
  // pybind11::detail::all_type_info(_typeobject*): CPython's C types are the library's too.
  EXPECT_EQ(header_library_of("_ZN8pybind116detail13all_type_infoEP11_typeobject"), "pybind11");
  // non-virtual thunk to boost::wrapexcept<std::length_error>::~wrapexcept()
  EXPECT_EQ(header_library_of("_ZThn24_N5boost10wrapexceptISt12length_errorED0Ev"), "boost");
  // Its cold part and its clones carry its name (carries_caller_constants says which need
  // their callers).
  EXPECT_EQ(header_library_of("_ZN8pybind1110cast_errorD1Ev.cold"), "pybind11");
  EXPECT_EQ(header_library_of("_ZN8pybind1110cast_errorD1Ev.isra.0"), "pybind11");
  // Only a clone specialised for its callers' constants depends on the code that calls it.
  EXPECT_TRUE(idiombench::carries_caller_constants("_ZN8pybind1110cast_errorD1Ev.constprop.0"));
  EXPECT_TRUE(idiombench::carries_caller_constants("_ZNSt6vectorIlSaIlEED2Ev.constprop.0.isra.0"));
  EXPECT_TRUE(idiombench::carries_caller_constants("_ZNSt6vectorIlSaIlEED2Ev.isra.0.constprop.1"));
  EXPECT_FALSE(idiombench::carries_caller_constants("_ZN8pybind1110cast_errorD1Ev.isra.0"));
  EXPECT_FALSE(idiombench::carries_caller_constants("_ZN8pybind1110cast_errorD1Ev.part.0"));
  EXPECT_FALSE(idiombench::carries_caller_constants("_ZN8pybind1110cast_errorD1Ev.cold"));
  EXPECT_FALSE(idiombench::carries_caller_constants("_ZN8pybind1110cast_errorD1Ev"));
}

TEST(HeaderLibrary, AnInstanceOverThisProjectsCodeIsHashedByItsBytes) {
  using idiombench::header_library_of;
  // void std::sort<idiombench::X*>(idiombench::X*, idiombench::X*)
  EXPECT_EQ(header_library_of("_ZSt4sortIPN10idiombench1XEEvT_S3_"), "");
  // std::vector<Particle>::push_back(Particle const&): a type outside every library
  EXPECT_EQ(header_library_of("_ZNSt6vectorI8ParticleSaIS0_EE9push_backERKS0_"), "");
  // std::_Function_handler<void (int), idiombench::run()::{lambda(int)#1}>::_M_invoke
  EXPECT_EQ(
      header_library_of(
          "_ZNSt17_Function_handlerIFviEZN10idiombench3runEvEUliE_E9_M_invokeERKSt9_Any_dataOi"),
      "");
  // this project's own function, a C function, an unmangled symbol
  EXPECT_EQ(header_library_of("_ZN10idiombench3fooEv"), "");
  EXPECT_EQ(header_library_of("memcpy"), "");
  EXPECT_EQ(header_library_of("_Z"), "");
}

// AArch64 code is fingerprinted through the link's relocations (aarch64_relocation.hpp):
// the bits a relocation's field covers are masked, all others kept. Real A64 encodings
// (from GNU as): two words that differ only where the link writes must mask alike; two
// that differ in anything else (register, opcode, condition, bit tested) must not.
TEST(Aarch64Relocation, OnlyTheFieldTheLinkWroteIsMasked) {
  using idiombench::aarch64::instruction_field;
  auto masked = [](std::uint32_t word, std::uint32_t type) {
    return word & ~instruction_field(type).mask;
  };
  // bl +0x1000 / bl +0x2004; b +0x1000
  EXPECT_EQ(masked(0x94000400, R_AARCH64_CALL26), masked(0x94000800, R_AARCH64_CALL26));
  EXPECT_NE(masked(0x94000400, R_AARCH64_CALL26), masked(0x14000400, R_AARCH64_JUMP26));
  // adrp x0, page+1 / adrp x0, page+5, and the `nop` lld puts there when it relaxes the
  // pair into `nop; adr x0, sym`: the page's word is masked whole.
  EXPECT_EQ(masked(0xb0000000, R_AARCH64_ADR_PREL_PG_HI21),
            masked(0xb0000020, R_AARCH64_ADR_PREL_PG_HI21));
  EXPECT_EQ(masked(0xb0000000, R_AARCH64_ADR_PREL_PG_HI21),
            masked(0xd503201f, R_AARCH64_ADR_PREL_PG_HI21));
  // add x0, x0, #0x10 / #0x7f8 / its relaxed form adr x0, +0x40 alike; add x1, x0, #0x10
  // writes another register.
  EXPECT_EQ(masked(0x91004000, R_AARCH64_ADD_ABS_LO12_NC),
            masked(0x911fe000, R_AARCH64_ADD_ABS_LO12_NC));
  EXPECT_EQ(masked(0x91004000, R_AARCH64_ADD_ABS_LO12_NC),
            masked(0x10000200, R_AARCH64_ADD_ABS_LO12_NC));
  EXPECT_NE(masked(0x91004000, R_AARCH64_ADD_ABS_LO12_NC),
            masked(0x91004001, R_AARCH64_ADD_ABS_LO12_NC));
  // ldr x1, [x0, #8] / [x0, #256]; ldr w1, [x0, #8] (another width, another opcode)
  EXPECT_EQ(masked(0xf9400401, R_AARCH64_LDST64_ABS_LO12_NC),
            masked(0xf9408001, R_AARCH64_LDST64_ABS_LO12_NC));
  EXPECT_NE(masked(0xf9400401, R_AARCH64_LDST64_ABS_LO12_NC),
            masked(0xb9400801, R_AARCH64_LDST32_ABS_LO12_NC));
  EXPECT_EQ(instruction_field(R_AARCH64_LDST64_ABS_LO12_NC).bytes, 8U);
  EXPECT_EQ(instruction_field(R_AARCH64_LDST32_ABS_LO12_NC).bytes, 4U);
  // b.eq +0x40 / +0x400 keep their condition: b.ne +0x40 is another instruction
  EXPECT_EQ(masked(0x54000200, R_AARCH64_CONDBR19), masked(0x54002000, R_AARCH64_CONDBR19));
  EXPECT_NE(masked(0x54000200, R_AARCH64_CONDBR19), masked(0x54000201, R_AARCH64_CONDBR19));
  // tbz w3, #5, +0x40 / +0x400: the bit tested and the register stay
  EXPECT_EQ(masked(0x36280203, R_AARCH64_TSTBR14), masked(0x36282003, R_AARCH64_TSTBR14));
  EXPECT_NE(masked(0x36280203, R_AARCH64_TSTBR14), masked(0x36300203, R_AARCH64_TSTBR14));
  // Data words (a vtable's ABS64, a table's PREL32) are not instruction fields.
  EXPECT_EQ(instruction_field(R_AARCH64_ABS64).mask, 0U);
  EXPECT_EQ(idiombench::aarch64::data_field_width(R_AARCH64_ABS64), 8U);
  EXPECT_TRUE(idiombench::aarch64::data_field_pc_relative(R_AARCH64_PREL32));
  // A type the table does not know masks the whole word rather than hash an address.
  EXPECT_EQ(instruction_field(R_AARCH64_MOVW_PREL_G0).mask, 0xffffffffU);
}
