// wrappers/scoped_resource, the source document's `managed_resource`: what does it cost
// to enter and leave a scope that must release a resource — an RAII guard, a unique_ptr
// with a deleter, Boost.ScopeExit, or try/catch-rethrow — when scopes nest and some leave
// early or by an exception?
//
// Every variant walks the same plan: scope i opens `depth` nested resources; the
// innermost uses its resource, then leaves by an exception (every throw_every-th scope),
// by an early return (every return_every-th), or normally after using it once more. The
// pool records each release, so the output shows a resource released twice or never,
// and the order of releases (nested scopes release innermost first).
#pragma once

#include <cstdint>
#include <ostream>
#include <vector>

#include "idiombench/case.hpp"

namespace idiombench::wrappers::scoped_resource {

struct Input {
  std::uint32_t scopes = 0;
  std::uint32_t depth = 1;
  std::uint32_t throw_every = 0;   // 0: never
  std::uint32_t return_every = 0;  // 0: never

  bool throws(std::uint32_t scope) const {
    return throw_every != 0 && scope % throw_every == throw_every - 1;
  }
  bool returns_early(std::uint32_t scope) const {
    return !throws(scope) && return_every != 0 && scope % return_every == return_every - 1;
  }
};

// What the pool saw.
struct Output {
  std::uint64_t opened = 0;
  std::uint64_t released = 0;
  std::uint64_t released_twice = 0;
  std::uint64_t never_released = 0;
  std::uint64_t uses = 0;           // sum of the ids of the resources used
  std::uint64_t release_order = 0;  // sum of (k-th release) * (its id): order-sensitive
  std::uint64_t exceptions = 0;     // scopes left by an exception
  friend bool operator==(const Output&, const Output&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Output& o) {
    return os << "{opened " << o.opened << ", released " << o.released << ", twice "
              << o.released_twice << ", never " << o.never_released << ", uses " << o.uses
              << ", order " << o.release_order << ", exceptions " << o.exceptions << "}";
  }
};

// The exception a scope leaves by.
struct ScopeFailure {};

// A resource: a slot of the pool, handed out once.
struct Slot {
  std::uint32_t releases = 0;
};

class Pool {
 public:
  explicit Pool(const Input& in) : slots_(std::size_t{in.scopes} * in.depth) {}

  Slot* acquire() { return &slots_.at(opened_++); }
  void release(Slot* slot) noexcept {
    ++slot->releases;
    out_.release_order += ++out_.released * id(slot);
  }
  void use(const Slot* slot) { out_.uses += id(slot); }
  void left_by_exception() { ++out_.exceptions; }

  Output finish() {
    out_.opened = opened_;
    for (const auto& s : slots_) {
      out_.released_twice += s.releases > 1;
      out_.never_released += s.releases == 0 && &s < slots_.data() + opened_;
    }
    return out_;
  }

 private:
  std::uint64_t id(const Slot* slot) const {
    return static_cast<std::uint64_t>(slot - slots_.data()) + 1;
  }
  std::vector<Slot> slots_;
  std::size_t opened_ = 0;
  Output out_;
};

Case<Input, Output>& the_case();

// Runs every scope of the plan with `scope(pool, in, i, depth)`, the variant's way of
// opening a resource (and, below depth 1, the next).
template <class Scope>
Output run_scopes(const Input& in, Scope scope) {
  Pool pool(in);
  for (std::uint32_t i = 0; i < in.scopes; ++i) {
    try {
      scope(pool, in, i, in.depth);
    } catch (const ScopeFailure&) {
      pool.left_by_exception();
    }
  }
  return pool.finish();
}

}  // namespace idiombench::wrappers::scoped_resource
