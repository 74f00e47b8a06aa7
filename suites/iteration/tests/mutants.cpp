// Deliberately wrong variants, linked into iteration_conformance only: each case's
// conformance must reject its mutant at one size at least (conformance_main checks).
#include <algorithm>
#include <span>

#include "batches/case.hpp"
#include "chain_sum/case.hpp"
#include "group_totals/case.hpp"
#include "lazy_memory/case.hpp"
#include "pipeline_early_exit/case.hpp"
#include "sum_squares/case.hpp"

namespace idiombench::iteration {
namespace {

[[maybe_unused]] const auto mutants = {
    // The empty lists end the chain: everything after the first empty list is lost.
    chain_sum::the_case().add_variant({.name = "mutant_stops_at_empty_list",
                                       .model = "serial",
                                       .run =
                                           [](const chain_sum::Input& lists) {
                                             chain_sum::Output sum = 0;
                                             for (const auto& list : lists) {
                                               if (list.empty()) break;
                                               for (auto x : list) sum += x;
                                             }
                                             return sum;
                                           }}),
    // A sloppy key comparison: keys one apart are taken for one group.
    group_totals::the_case().add_variant({.name = "mutant_merges_neighbour_keys",
                                          .model = "serial",
                                          .run =
                                              [](const group_totals::Input& sales) {
                                                group_totals::Output totals;
                                                for (const auto& s : sales) {
                                                  if (totals.empty() ||
                                                      totals.back().key + 1 < s.key)
                                                    totals.push_back({s.key, 0});
                                                  totals.back().amount += s.amount;
                                                }
                                                return totals;
                                              }}),
    // Off by one: the last element never counted.
    sum_squares::the_case().add_variant({.name = "mutant_skips_last",
                                         .model = "serial",
                                         .run =
                                             [](const sum_squares::Input& values) {
                                               sum_squares::Output sum = 0;
                                               for (std::size_t i = 0; i + 1 < values.size(); ++i)
                                                 sum += sum_squares::square(values[i]);
                                               return sum;
                                             }}),
    // The short last batch dropped.
    batches::the_case().add_variant({.name = "mutant_drops_short_batch",
                                     .model = "serial",
                                     .run =
                                         [](const batches::Input& in) {
                                           std::span<const std::int32_t> all(in.values);
                                           batches::Output acc = 0;
                                           for (std::size_t i = 0; i + in.size <= all.size();
                                                i += in.size) {
                                             acc =
                                                 batches::fold_batch(acc, all.subspan(i, in.size));
                                           }
                                           return acc;
                                         }}),
    // Takes one result too many.
    pipeline_early_exit::the_case().add_variant(
        {.name = "mutant_takes_one_more",
         .model = "serial",
         .run =
             [](const pipeline_early_exit::Input& in) {
               pipeline_early_exit::Output out;
               for (std::size_t i = 0; i < in.values.size() && out.size() <= in.k; ++i) {
                 auto v = pipeline_early_exit::produce(in.values[i], in.cost);
                 if (pipeline_early_exit::keep(v)) out.push_back(pipeline_early_exit::square_of(v));
               }
               return out;
             }}),
    // The filter stage lost: every record counted.
    lazy_memory::the_case().add_variant({.name = "mutant_ignores_filter",
                                         .model = "serial",
                                         .run =
                                             [](const lazy_memory::Input& in) {
                                               lazy_memory::Output sum = 0;
                                               for (std::size_t i = 0; i < in.records; ++i) {
                                                 sum += lazy_memory::weighted_amount(
                                                     lazy_memory::make_record(i));
                                               }
                                               return sum;
                                             }}),
};

}  // namespace
}  // namespace idiombench::iteration
