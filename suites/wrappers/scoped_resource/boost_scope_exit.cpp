// scoped_resource/boost_scope_exit: Boost.ScopeExit's BOOST_SCOPE_EXIT runs the release
// written beside the acquisition when the scope ends, however it ends. The macro makes a
// local struct holding the captured variables: nothing type-erased.
#include <boost/scope_exit.hpp>

#include "scoped_resource/case.hpp"

namespace idiombench::wrappers::scoped_resource {
namespace {

void scope(Pool& pool, const Input& in, std::uint32_t i, std::uint32_t depth) {
  Slot* slot = pool.acquire();
  BOOST_SCOPE_EXIT(&pool, slot) {
    pool.release(slot);
  }
  BOOST_SCOPE_EXIT_END
  if (depth > 1) return scope(pool, in, i, depth - 1);
  pool.use(slot);
  if (in.throws(i)) throw ScopeFailure{};
  if (in.returns_early(i)) return;
  pool.use(slot);
}

Output boost_scope_exit(const Input& in) {
  return run_scopes(in, scope);
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "boost_scope_exit", .model = "serial", .run = boost_scope_exit});

}  // namespace
}  // namespace idiombench::wrappers::scoped_resource
