// One progress line per child process on stderr: "[12/240] 0:31 elapsed, ETA 9:42  name".
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace idiombench {

class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total) {}
  // Announces item `done` (0-based) of the total.
  void show(std::size_t done, const std::string& what) const;
  double elapsed() const;

 private:
  std::size_t total_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace idiombench
