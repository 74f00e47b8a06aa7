// The decorators of call_through_wrapper in C++: `decorate` is a decorator that adds
// nothing (the wrapper's own cost), `timed` is the source document's `timed`, keeping the
// total instead of printing it. Both forward arguments with their value category and
// return exactly what the function returns (a reference stays a reference); an
// exception passes through, and `timed` then records nothing, as the Python one prints
// nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <type_traits>
#include <utility>

namespace idiombench::wrappers {

template <class F>
auto decorate(F f) {
  return [f = std::move(f)](auto&&... args) -> decltype(auto) {
    return std::invoke(f, std::forward<decltype(args)>(args)...);
  };
}

// What `timed` has measured: calls that returned and their total time.
struct CallTimes {
  std::uint64_t calls = 0;
  std::chrono::steady_clock::duration total{};
};

template <class F>
auto timed(F f, CallTimes& times) {
  return [f = std::move(f), &times](auto&&... args) -> decltype(auto) {
    auto start = std::chrono::steady_clock::now();
    if constexpr (std::is_void_v<std::invoke_result_t<F&, decltype(args)...>>) {
      std::invoke(f, std::forward<decltype(args)>(args)...);
      times.total += std::chrono::steady_clock::now() - start;
      ++times.calls;
    } else {
      decltype(auto) result = std::invoke(f, std::forward<decltype(args)>(args)...);
      times.total += std::chrono::steady_clock::now() - start;
      ++times.calls;
      return static_cast<decltype(result)>(result);
    }
  };
}

}  // namespace idiombench::wrappers
