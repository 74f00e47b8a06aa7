// Memory shared with forked children: an anonymous memfd mapped MAP_SHARED. It has no
// name in /dev/shm, so nothing outlives the processes that map it, even after a crash.
#pragma once

#include <cstddef>
#include <new>
#include <string>
#include <type_traits>

namespace idiombench::support {

class SharedRegion {
 public:
  SharedRegion() = default;
  SharedRegion(const std::string& name, std::size_t bytes);
  SharedRegion(SharedRegion&& other) noexcept;
  SharedRegion& operator=(SharedRegion&& other) noexcept;
  SharedRegion(const SharedRegion&) = delete;
  SharedRegion& operator=(const SharedRegion&) = delete;
  ~SharedRegion();

  void* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

// A T constructed at `offset` bytes into a region (lock-free atomics in it work across
// processes: they are address-free).
template <class T>
T* construct_at_offset(const SharedRegion& region, std::size_t offset) {
  static_assert(std::is_trivially_destructible_v<T>, "nothing runs destructors in shared memory");
  return new (static_cast<char*>(region.data()) + offset) T();
}

}  // namespace idiombench::support
