#include "progress.hpp"

#include <cstdio>

namespace idiombench {
namespace {

std::string clock_text(double seconds) {
  auto s = static_cast<long>(seconds + 0.5);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
  return buffer;
}

}  // namespace

double Progress::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::show(std::size_t done, const std::string& what) const {
  const double spent = elapsed();
  std::string eta =
      done == 0
          ? "?"
          : clock_text(spent / static_cast<double>(done) * static_cast<double>(total_ - done));
  std::fprintf(stderr, "[%zu/%zu] %s elapsed, ETA %s  %s\n", done + 1, total_,
               clock_text(spent).c_str(), eta.c_str(), what.c_str());
}

}  // namespace idiombench
