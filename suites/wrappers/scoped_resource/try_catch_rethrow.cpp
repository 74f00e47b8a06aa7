// scoped_resource/try_catch_rethrow: the release written out on every way out — after the
// body, before the early return, and in a catch (...) that rethrows. What Python's
// try/finally expands to, and what C++ code without guards has to do.
#include "scoped_resource/case.hpp"

namespace idiombench::wrappers::scoped_resource {
namespace {

void scope(Pool& pool, const Input& in, std::uint32_t i, std::uint32_t depth) {
  Slot* slot = pool.acquire();
  try {
    if (depth > 1) {
      scope(pool, in, i, depth - 1);
    } else {
      pool.use(slot);
      if (in.throws(i)) throw ScopeFailure{};
      if (in.returns_early(i)) {
        pool.release(slot);
        return;
      }
      pool.use(slot);
    }
  } catch (...) {
    pool.release(slot);
    throw;
  }
  pool.release(slot);
}

Output try_catch_rethrow(const Input& in) {
  return run_scopes(in, scope);
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "try_catch_rethrow", .model = "serial", .run = try_catch_rethrow});

}  // namespace
}  // namespace idiombench::wrappers::scoped_resource
