// shared_counter/mutex: std::mutex around `++total`, the textbook answer.
#include <mutex>

#include "shared_counter/variants.hpp"

namespace idiombench::concurrency::shared_counter {

Output count_mutex(support::ThreadPool& pool, std::uint64_t increments) {
  std::mutex mutex;
  Output total = 0;
  run_together(pool, [&](int) {
    for (std::uint64_t i = 0; i < increments; ++i) {
      std::lock_guard lock(mutex);
      ++total;
    }
  });
  return total;
}

namespace {
[[maybe_unused]] const auto registered = register_counter("mutex", count_mutex);
}

}  // namespace idiombench::concurrency::shared_counter
