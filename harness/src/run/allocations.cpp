// Replaces the global allocation functions so heap high-water marks can be measured
// (the `peak_bytes` counter). Outside a watch the cost is one relaxed load.
#include "idiombench/allocations.hpp"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<bool> tracking{false};
std::atomic<std::int64_t> live{0};
std::atomic<std::int64_t> peak{0};
std::atomic<std::int64_t> count{0};

void note_allocation(void* p) {
  if (!tracking.load(std::memory_order_relaxed)) return;
  auto size = static_cast<std::int64_t>(malloc_usable_size(p));
  auto now = live.fetch_add(size, std::memory_order_relaxed) + size;
  count.fetch_add(1, std::memory_order_relaxed);
  auto high = peak.load(std::memory_order_relaxed);
  while (now > high && !peak.compare_exchange_weak(high, now, std::memory_order_relaxed)) {
  }
}

void note_free(void* p) {
  if (p == nullptr || !tracking.load(std::memory_order_relaxed)) return;
  live.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(p)), std::memory_order_relaxed);
}

// As the standard's operator new does: on failure the new-handler runs (the benchmark
// child's reports "out of memory" and exits), and without one std::bad_alloc is thrown.
void* allocate(std::size_t size) {
  for (;;) {
    if (void* p = std::malloc(size == 0 ? 1 : size)) {
      note_allocation(p);
      return p;
    }
    auto handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}

void* allocate_aligned(std::size_t size, std::align_val_t align) {
  const auto alignment = std::max(static_cast<std::size_t>(align), sizeof(void*));
  for (;;) {
    void* p = nullptr;
    if (posix_memalign(&p, alignment, size == 0 ? 1 : size) == 0) {
      note_allocation(p);
      return p;
    }
    auto handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}

void release(void* p) noexcept {
  note_free(p);
  std::free(p);
}

}  // namespace

namespace idiombench {

AllocationWatch::AllocationWatch() {
  live.store(0);
  peak.store(0);
  count.store(0);
  tracking.store(true);
}

AllocationWatch::~AllocationWatch() {
  tracking.store(false);
}

std::int64_t AllocationWatch::peak_bytes() const {
  return peak.load();
}
std::int64_t AllocationWatch::allocations() const {
  return count.load();
}

}  // namespace idiombench

void* operator new(std::size_t size) {
  return allocate(size);
}
void* operator new[](std::size_t size) {
  return allocate(size);
}
void* operator new(std::size_t size, std::align_val_t align) {
  return allocate_aligned(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return allocate_aligned(size, align);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept {
  release(p);
}
void operator delete[](void* p) noexcept {
  release(p);
}
void operator delete(void* p, std::size_t) noexcept {
  release(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  release(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  release(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  release(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  release(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  release(p);
}
