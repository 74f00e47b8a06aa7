// One producer, "yield fn(x) for each x of a source", written once per idiom. The
// variants of sum_squares time them; the contract tests drive the same functions
// with an instrumented fn.
#pragma once

// GCC 12 sees a false "maybe uninitialized" inside Boost 1.74's coroutine2 state
// flags; the diagnostic is located in the header, so silence it there only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/coroutine2/coroutine.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#include <range/v3/view/transform.hpp>

#include <concepts>
#include <ranges>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "generator.hpp"
#include "mapped_stream.hpp"
#include "std_ranges_support.hpp"

namespace idiombench::iteration {

template <class T, class Fn>
using mapped_t = std::remove_cvref_t<std::invoke_result_t<Fn&, const T&>>;

// coroutine_generator: a stackless C++20 generator.
template <class T, class Fn>
generator<mapped_t<T, Fn>> generate_mapped(std::span<const T> source, Fn fn) {
  for (const T& x : source) co_yield fn(x);
}

// stackful_generator: Boost.Coroutine2; the body runs on its own stack and is
// entered once at construction (to reach the first yield).
template <class T, class Fn>
typename boost::coroutines2::coroutine<mapped_t<T, Fn>>::pull_type stackful_mapped(
    std::span<const T> source, Fn fn) {
  using coroutine = boost::coroutines2::coroutine<mapped_t<T, Fn>>;
  return typename coroutine::pull_type(
      [source, fn = std::move(fn)](typename coroutine::push_type& yield) mutable {
        for (const T& x : source) yield(fn(x));
      });
}

// callback: internal iteration; the producer calls visit(fn(x)) and stops early
// when visit returns false.
template <class T, class Fn, class Visit>
void visit_mapped(std::span<const T> source, Fn fn, Visit&& visit) {
  for (const T& x : source) {
    if constexpr (std::same_as<std::invoke_result_t<Visit&, mapped_t<T, Fn>>, bool>) {
      if (!visit(fn(x))) return;
    } else {
      visit(fn(x));
    }
  }
}

// eager_vector: materialise every element first (the list-comprehension habit).
template <class T, class Fn>
std::vector<mapped_t<T, Fn>> eager_mapped(std::span<const T> source, Fn fn) {
  std::vector<mapped_t<T, Fn>> out;
  out.reserve(source.size());
  for (const T& x : source) out.push_back(fn(x));
  return out;
}

// iterator_class: the hand-written MappedStream.
template <class T, class Fn>
MappedStream<T, Fn> stream_mapped(std::span<const T> source, Fn fn) {
  return {source, std::move(fn)};
}

#if IDIOMBENCH_HAS_STD_RANGE_VIEWS
// ranges_views: the standard library's lazy view.
template <class T, class Fn>
auto view_mapped(std::span<const T> source, Fn fn) {
  return source | std::views::transform(std::move(fn));
}
#endif

// range_v3: Eric Niebler's range-v3 view, the ancestor of std::ranges.
template <class T, class Fn>
auto range_v3_mapped(std::span<const T> source, Fn fn) {
  return source | ranges::views::transform(std::move(fn));
}

}  // namespace idiombench::iteration
