// scoped_resource/boost_scope_exit_all: Boost.ScopeExit's C++11 form, BOOST_SCOPE_EXIT_ALL
// with a lambda's capture list. Boost keeps that lambda in a boost::function, so every
// scope pays a type-erased call (and the guard's construction) that BOOST_SCOPE_EXIT
// does not.
#include <boost/scope_exit.hpp>

#include "scoped_resource/case.hpp"

namespace idiombench::wrappers::scoped_resource {
namespace {

void scope(Pool& pool, const Input& in, std::uint32_t i, std::uint32_t depth) {
  Slot* slot = pool.acquire();
  BOOST_SCOPE_EXIT_ALL(&pool, slot) {
    pool.release(slot);
  };
  if (depth > 1) return scope(pool, in, i, depth - 1);
  pool.use(slot);
  if (in.throws(i)) throw ScopeFailure{};
  if (in.returns_early(i)) return;
  pool.use(slot);
}

Output boost_scope_exit_all(const Input& in) {
  return run_scopes(in, scope);
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "boost_scope_exit_all", .model = "serial", .run = boost_scope_exit_all});

}  // namespace
}  // namespace idiombench::wrappers::scoped_resource
