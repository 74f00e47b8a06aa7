// scoped_resource/unique_ptr_deleter: std::unique_ptr with a custom deleter that gives
// the slot back, the library's guard for a handle it did not allocate.
#include <memory>

#include "scoped_resource/case.hpp"

namespace idiombench::wrappers::scoped_resource {
namespace {

struct Release {
  Pool* pool;
  void operator()(Slot* slot) const noexcept { pool->release(slot); }
};

void scope(Pool& pool, const Input& in, std::uint32_t i, std::uint32_t depth) {
  std::unique_ptr<Slot, Release> slot(pool.acquire(), Release{&pool});
  if (depth > 1) return scope(pool, in, i, depth - 1);
  pool.use(slot.get());
  if (in.throws(i)) throw ScopeFailure{};
  if (in.returns_early(i)) return;
  pool.use(slot.get());
}

Output unique_ptr_deleter(const Input& in) {
  return run_scopes(in, scope);
}

[[maybe_unused]] const auto registered = the_case().add_variant(
    {.name = "unique_ptr_deleter", .model = "serial", .run = unique_ptr_deleter});

}  // namespace
}  // namespace idiombench::wrappers::scoped_resource
