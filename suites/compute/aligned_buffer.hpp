// A heap array of doubles on a 64-byte boundary, with an optional lead-in of a few
// elements so that the data can start unaligned on purpose.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <span>

namespace idiombench::compute {

class AlignedBuffer {
 public:
  AlignedBuffer() = default;
  AlignedBuffer(std::size_t n, std::size_t offset) : n_(n), offset_(offset) {
    std::size_t bytes = ((n + offset) * sizeof(double) + 63) / 64 * 64;
    storage_.reset(static_cast<double*>(std::aligned_alloc(64, bytes == 0 ? 64 : bytes)));
    if (!storage_) throw std::bad_alloc();
  }

  std::span<double> span() const { return {storage_.get() + offset_, n_}; }
  std::size_t size() const { return n_; }

 private:
  struct Free {
    void operator()(double* p) const { std::free(p); }
  };
  std::unique_ptr<double[], Free> storage_;
  std::size_t n_ = 0;
  std::size_t offset_ = 0;
};

}  // namespace idiombench::compute
