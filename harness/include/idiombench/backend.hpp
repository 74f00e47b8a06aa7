// Backends (a library or runtime some variants need: Kokkos, CUDA, io_uring) are
// declared by the suite that uses them, with a probe that says whether the backend works
// on this machine. The harness reports whatever was declared, in `info` and in every
// results file's context, and knows none of them by name.
//
//   [[maybe_unused]] const auto declared = declare_backend({.name = "io_uring", .probe = probe});
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "idiombench/registry.hpp"

namespace idiombench {

struct BackendStatus {
  bool available = false;
  std::string reason = {};  // why not, when not available
  // What a reader comparing machines needs: versions, devices, settings.
  std::vector<std::pair<std::string, std::string>> details = {};
  // What makes the figures measured through it unrepresentative here (said in `info`,
  // at the start of a run and in the results' warnings), e.g. a BLAS on generic kernels.
  std::vector<std::string> warnings = {};
};

struct BackendSpec {
  std::string name;
  std::function<BackendStatus()> probe;  // runs once per `info` or run, in the runner
  // The models whose variants use it: a run with none of them does not probe it (a probe
  // can cost more than a short run: CPython's start, a CUDA context). Empty: every run.
  std::vector<std::string> models = {};
};

// Aborts if a backend of that name is already declared.
Registration declare_backend(BackendSpec spec);

// Every declared backend, sorted by name.
std::vector<BackendSpec> declared_backends();

}  // namespace idiombench
