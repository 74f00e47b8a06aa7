// scoped_resource/raii_guard: a small guard class whose destructor releases, the C++
// answer to a context manager.
#include "scoped_resource/case.hpp"

namespace idiombench::wrappers::scoped_resource {
namespace {

class Guard {
 public:
  explicit Guard(Pool& pool) : pool_(pool), slot_(pool.acquire()) {}
  Guard(const Guard&) = delete;
  Guard& operator=(const Guard&) = delete;
  ~Guard() { pool_.release(slot_); }
  const Slot* slot() const { return slot_; }

 private:
  Pool& pool_;
  Slot* slot_;
};

void scope(Pool& pool, const Input& in, std::uint32_t i, std::uint32_t depth) {
  Guard guard(pool);
  if (depth > 1) return scope(pool, in, i, depth - 1);
  pool.use(guard.slot());
  if (in.throws(i)) throw ScopeFailure{};
  if (in.returns_early(i)) return;
  pool.use(guard.slot());
}

Output raii_guard(const Input& in) {
  return run_scopes(in, scope);
}

[[maybe_unused]] const auto registered =
    the_case().add_variant({.name = "raii_guard", .model = "serial", .run = raii_guard});

}  // namespace
}  // namespace idiombench::wrappers::scoped_resource
