// Deliberately wrong variants, linked into wrappers_conformance only: each case's
// conformance must reject its mutant at one point at least (conformance_main checks).
#include <algorithm>
#include <functional>

#include "call_through_wrapper/case.hpp"
#include "registry_lookup/case.hpp"
#include "scoped_resource/case.hpp"

namespace idiombench::wrappers {
namespace {

// A wrapper whose declared result type is narrower than the function's: std::function
// converts silently and every result loses its top 32 bits.
call_through_wrapper::Output truncating_wrapper(const call_through_wrapper::Input& in) {
  std::function<std::uint32_t(std::uint64_t, std::uint64_t)> f =
      call_through_wrapper::small_function;
  return call_through_wrapper::sum_of_calls(in, f);
}

// try/catch-rethrow that forgets the catch: a scope left by an exception never releases.
void leaky_scope(scoped_resource::Pool& pool, const scoped_resource::Input& in, std::uint32_t i,
                 std::uint32_t depth) {
  auto* slot = pool.acquire();
  if (depth > 1) {
    leaky_scope(pool, in, i, depth - 1);
  } else {
    pool.use(slot);
    if (in.throws(i)) throw scoped_resource::ScopeFailure{};
    if (!in.returns_early(i)) pool.use(slot);
  }
  pool.release(slot);
}

// A sorted table searched without checking the match: "cs" and "" find a reader.
std::unique_ptr<registry_lookup::Reader> create_by_prefix(const std::string& name) {
  using registry_lookup::reader_names;
  std::array<std::size_t, reader_names.size()> order{};
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(),
            [](auto a, auto b) { return reader_names[a] < reader_names[b]; });
  auto at =
      std::lower_bound(order.begin(), order.end(), name,
                       [](std::size_t k, const std::string& n) { return reader_names[k] < n; });
  if (at == order.end()) throw registry_lookup::UnknownName(name);
  for (const auto& r : registry_lookup::registrations()) {
    if (r.name == reader_names[*at]) return r.make();
  }
  throw registry_lookup::UnknownName(name);
}

[[maybe_unused]] const auto mutants = {
    call_through_wrapper::the_case().add_variant(
        {.name = "mutant_truncating_wrapper", .model = "serial", .run = truncating_wrapper}),
    scoped_resource::the_case().add_variant(
        {.name = "mutant_no_release_on_exception",
         .model = "serial",
         .run = [](const scoped_resource::Input& in) { return run_scopes(in, leaky_scope); }}),
    registry_lookup::the_case().add_variant(
        {.name = "mutant_prefix_match",
         .model = "serial",
         .run =
             [](const registry_lookup::Input& in) { return construct_all(in, create_by_prefix); }}),
};

}  // namespace
}  // namespace idiombench::wrappers
