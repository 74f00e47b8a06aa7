// The plain loops as a STREAM model; scalar.cpp and autovec.cpp compile this same code
// with different flags (vectorisation off / -O3 for the target ISA).
#pragma once

#include "stream/case.hpp"

namespace idiombench::compute::stream {
namespace {  // internal linkage: scalar.cpp and autovec.cpp each keep their own copy

struct SerialLoops {
  template <class Op>
  static void map(const Arrays& a, Op op, Launch) {
    map_range(a.x.data(), a.y.data(), a.out.data(), 0, a.out.size(), op);
  }
  static double dot(const Arrays& a, Launch) {
    return dot_range(a.x.data(), a.y.data(), 0, a.x.size());
  }
};

}  // namespace
}  // namespace idiombench::compute::stream
