// An instrumented element function for the contract tests: it counts the elements a
// producer computes, can throw at a chosen element, and runs a cleanup (counted)
// when the last copy of it is destroyed, i.e. when the producer holding it dies.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>

namespace idiombench::iteration::testing {

struct ProducerError : std::runtime_error {
  ProducerError() : std::runtime_error("producer failed") {}
};

struct Probe {
  int steps = 0;      // elements computed
  int cleanups = 0;   // producers destroyed
  int throw_at = -1;  // element index that throws, or -1
};

class ProbedFn {
 public:
  explicit ProbedFn(Probe& probe)
      : probe_(&probe), guard_(new Cleanup{&probe}, [](Cleanup* c) {
          ++c->probe->cleanups;
          delete c;
        }) {}

  std::int64_t operator()(std::int32_t x) const {
    if (probe_->steps == probe_->throw_at) throw ProducerError();
    ++probe_->steps;
    return std::int64_t{x} * 10 + 1;
  }

 private:
  struct Cleanup {
    Probe* probe;
  };
  Probe* probe_;
  std::shared_ptr<Cleanup> guard_;
};

}  // namespace idiombench::iteration::testing
