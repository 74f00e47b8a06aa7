#include "idiombench/support/shared_region.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <utility>

#include "idiombench/support/unique_fd.hpp"

namespace idiombench::support {

SharedRegion::SharedRegion(const std::string& name, std::size_t bytes)
    : size_(bytes == 0 ? 1 : bytes) {
  UniqueFd fd(::memfd_create(name.c_str(), MFD_CLOEXEC));
  if (!fd) throw std::system_error(errno, std::generic_category(), "memfd_create");
  if (::ftruncate(fd.get(), static_cast<off_t>(size_)) != 0) {
    throw std::system_error(errno, std::generic_category(), "ftruncate");
  }
  data_ = ::mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_SHARED, fd.get(), 0);
  if (data_ == MAP_FAILED) {
    data_ = nullptr;
    throw std::system_error(errno, std::generic_category(), "mmap");
  }
  // The mapping keeps the memory alive; the descriptor is not needed any more.
}

SharedRegion::SharedRegion(SharedRegion&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SharedRegion& SharedRegion::operator=(SharedRegion&& other) noexcept {
  if (this != &other) {
    if (data_) ::munmap(data_, size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

SharedRegion::~SharedRegion() {
  if (data_) ::munmap(data_, size_);
}

}  // namespace idiombench::support
