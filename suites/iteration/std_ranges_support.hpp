// Whether this compiler can build std::ranges views.
//
// clang 14 and 15 with libstdc++ 12 cannot: they check view_interface's constraints
// while a view (iota_view, transform_view...) is still incomplete, so even
// `span | views::transform(f)` fails to compile (clang 16 accepts it). Variants that
// need std::views are then built as unavailable, with this reason, rather than left
// out silently: each ranges_views file builds its body under
// `#if IDIOMBENCH_HAS_STD_RANGE_VIEWS` and registers `unavailable_views_variant` otherwise.
#pragma once

#include <stdexcept>
#include <string>

#include "idiombench/case.hpp"

#if defined(__clang__) && __clang_major__ < 16 && defined(__GLIBCXX__)
#define IDIOMBENCH_HAS_STD_RANGE_VIEWS 0
#else
#define IDIOMBENCH_HAS_STD_RANGE_VIEWS 1
#endif

namespace idiombench::iteration {

inline std::string why_std_views_unavailable() {
  return IDIOMBENCH_HAS_STD_RANGE_VIEWS
             ? std::string()
             : std::string("std::views does not compile with clang < 16 and libstdc++");
}

// The "ranges_views" variant of `c` where std::views cannot be built: listed, never run.
template <class Input, class Output, class Expected>
Registration unavailable_views_variant(Case<Input, Output, Expected>& c) {
  return c.add_variant(
      {.name = "ranges_views",
       .model = "serial",
       .run = [](const Input&) -> Output { throw std::logic_error(why_std_views_unavailable()); },
       .why_unavailable = why_std_views_unavailable});
}

}  // namespace idiombench::iteration
