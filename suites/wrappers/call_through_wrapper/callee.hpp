// The callee as an interface: the virtual-call variant's wrapper.
#pragma once

#include <cstdint>
#include <memory>

#include "absl/functional/function_ref.h"

#include "call_through_wrapper/case.hpp"

namespace idiombench::wrappers::call_through_wrapper {

class Callee {
 public:
  virtual ~Callee() = default;
  virtual std::uint64_t operator()(std::uint64_t x, std::uint64_t salt) const = 0;
};

// Made in callee.cpp, so the caller cannot devirtualise the call.
std::unique_ptr<Callee> make_callee(bool elsewhere);

// sum_of_calls(in, f) in callee.cpp: what absl_function_ref calls, so the compiler cannot
// see through the FunctionRef it is given.
Output sum_through_function_ref(const Input& in,
                                absl::FunctionRef<std::uint64_t(std::uint64_t, std::uint64_t)> f);

}  // namespace idiombench::wrappers::call_through_wrapper
