// Heap accounting: the harness replaces global operator new/delete with versions
// that, while a watch is open, track the bytes live and their high-water mark.
#pragma once

#include <cstdint>

namespace idiombench {

// Opens a window in which heap use is tracked (one window at a time). Bytes freed
// in the window that were allocated before it lower the live count.
class AllocationWatch {
 public:
  AllocationWatch();
  ~AllocationWatch();
  AllocationWatch(const AllocationWatch&) = delete;
  AllocationWatch& operator=(const AllocationWatch&) = delete;

  // Highest number of bytes live at once since the watch opened.
  std::int64_t peak_bytes() const;
  // Number of allocations since the watch opened.
  std::int64_t allocations() const;
};

}  // namespace idiombench
