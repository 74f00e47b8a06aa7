// The callee as an interface: the virtual-call variant's wrapper.
#pragma once

#include <cstdint>
#include <memory>

#include "call_through_wrapper/case.hpp"

namespace idiombench::wrappers::call_through_wrapper {

class Callee {
 public:
  virtual ~Callee() = default;
  virtual std::uint64_t operator()(std::uint64_t x, std::uint64_t salt) const = 0;
};

// Made in callee.cpp, so the caller cannot devirtualise the call.
std::unique_ptr<Callee> make_callee(bool elsewhere);

}  // namespace idiombench::wrappers::call_through_wrapper
