// Generator stages that chain like Python generator expressions:
//   squares = (f(x) for x in source if keep(x))
// Each stage is its own coroutine, so each element costs one resume per stage.
#pragma once

#include <cstddef>
#include <utility>

#include "generator.hpp"

namespace idiombench::iteration {

template <class T, class Keep>
generator<T> gen_filter(generator<T> source, Keep keep) {
  for (const T& x : source) {
    if (keep(x)) co_yield x;
  }
}

template <class T, class Fn, class R = std::remove_cvref_t<std::invoke_result_t<Fn&, const T&>>>
generator<R> gen_transform(generator<T> source, Fn fn) {
  for (const T& x : source) co_yield fn(x);
}

// Python's itertools.islice(source, k): stops pulling after the k-th element.
template <class T>
generator<T> gen_take(generator<T> source, std::size_t k) {
  if (k == 0) co_return;
  std::size_t taken = 0;
  for (const T& x : source) {
    co_yield x;
    if (++taken == k) co_return;
  }
}

// range(n) mapped through fn, produced one element per resume.
template <class Fn, class R = std::remove_cvref_t<std::invoke_result_t<Fn&, std::size_t>>>
generator<R> gen_indexed(std::size_t n, Fn fn) {
  for (std::size_t i = 0; i < n; ++i) co_yield fn(i);
}

}  // namespace idiombench::iteration
