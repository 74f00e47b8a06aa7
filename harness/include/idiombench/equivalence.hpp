// Equivalence rules: when does a variant's output count as the reference's answer?
// A rule returns nothing when the outputs agree, or a one-line description of the
// first disagreement.
#pragma once

#include <cmath>
#include <concepts>
#include <cstddef>
#include <functional>
#include <iterator>
#include <optional>
#include <ranges>
#include <sstream>
#include <string>

namespace idiombench {

// `Expected` is what the reference returns; it differs from `Output` when variants
// return a view of a workspace (a span) and the reference an owning vector.
template <class Output, class Expected = Output>
using Equivalence =
    std::function<std::optional<std::string>(const Output& got, const Expected& expected)>;

namespace detail {

template <class T>
concept Printable = requires(std::ostream& os, const T& value) {
  os << value;
};

template <class T>
std::string show(const T& value) {
  if constexpr (Printable<T>) {
    std::ostringstream out;
    out.precision(17);
    out << value;
    return out.str();
  } else {
    return "<value>";
  }
}

template <class T>
concept SizedElementRange = std::ranges::sized_range<T> && std::ranges::input_range<T>;

// Compares ranges element by element with `same`, naming the first difference.
template <class R, class E, class Same>
std::optional<std::string> compare_ranges(const R& got, const E& expected, Same same) {
  auto got_size = std::ranges::size(got), expected_size = std::ranges::size(expected);
  if (got_size != expected_size) {
    return "size " + std::to_string(got_size) + ", expected " + std::to_string(expected_size);
  }
  std::size_t index = 0;
  auto g = std::ranges::begin(got);
  for (const auto& e : expected) {
    if (!same(*g, e)) {
      return "element " + std::to_string(index) + " is " + show(*g) + ", expected " + show(e);
    }
    ++g;
    ++index;
  }
  return std::nullopt;
}

// A NaN matches nothing, not even a NaN: outputs are poisoned with NaN before a
// verification run, so an element a variant forgot to write must never pass. An
// infinity matches only the same infinity (a tolerance relative to it would accept any
// finite value).
inline bool close(double got, double expected, double rel, double abs) {
  if (std::isnan(got) || std::isnan(expected)) return false;
  if (std::isinf(got) || std::isinf(expected)) return got == expected;
  return std::fabs(got - expected) <= abs + rel * std::fabs(expected);
}

}  // namespace detail

// Equal by operator==; ranges are compared element by element so a mismatch names
// its index.
template <class Output, class Expected = Output>
Equivalence<Output, Expected> exactly() {
  return [](const Output& got, const Expected& expected) -> std::optional<std::string> {
    if constexpr (detail::SizedElementRange<Output> && !std::convertible_to<Output, std::string>) {
      return detail::compare_ranges(got, expected,
                                    [](const auto& a, const auto& b) { return a == b; });
    } else {
      if (got == expected) return std::nullopt;
      return "got " + detail::show(got) + ", expected " + detail::show(expected);
    }
  };
}

// |got - expected| <= abs + rel * |expected|, for a number or for every element of a
// range of numbers. A NaN matches nothing; an infinity only the same infinity.
template <class Output, class Expected = Output>
Equivalence<Output, Expected> within(double rel, double abs = 0.0) {
  return [rel, abs](const Output& got, const Expected& expected) -> std::optional<std::string> {
    auto same = [rel, abs](const auto& a, const auto& b) {
      return detail::close(static_cast<double>(a), static_cast<double>(b), rel, abs);
    };
    if constexpr (detail::SizedElementRange<Output>) {
      return detail::compare_ranges(got, expected, same);
    } else {
      if (same(got, expected)) return std::nullopt;
      return "got " + detail::show(got) + ", expected " + detail::show(expected) +
             " (tolerance rel " + detail::show(rel) + ", abs " + detail::show(abs) + ")";
    }
  };
}

}  // namespace idiombench
