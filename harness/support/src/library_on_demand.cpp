#include "idiombench/support/library_on_demand.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace idiombench::support {
LibraryOnDemand::LibraryOnDemand(std::initializer_list<const char*> sonames)
    : sonames_(sonames.begin(), sonames.end()) {
  if (sonames_.empty()) throw std::invalid_argument("LibraryOnDemand: no library named");
}

void* LibraryOnDemand::handle() const {
  // dlopen returns the same handle for a library already open (never closed here: the
  // functions handed out stay callable); dlerror's message is per thread.
  std::string errors;
  for (const auto& soname : sonames_) {
    // RTLD_LOCAL: its symbols serve whoever asks dlsym, never another library's calls.
    if (void* h = dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL)) return h;
    const char* why = dlerror();
    errors += (errors.empty() ? "" : "; ") + std::string(why ? why : soname.c_str());
  }
  throw std::runtime_error("cannot load " + sonames_.front() + ": " + errors);
}

void* LibraryOnDemand::symbol(const char* name) const {
  void* h = handle();
  dlerror();
  void* address = dlsym(h, name);
  if (!address) {
    const char* why = dlerror();
    throw std::runtime_error(sonames_.front() + " has no " + name +
                             (why ? std::string(": ") + why : ""));
  }
  return address;
}

bool LibraryOnDemand::loaded() const {
  for (const auto& soname : sonames_) {
    if (void* h = dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD)) {
      dlclose(h);  // NOLOAD took a reference of its own
      return true;
    }
  }
  return false;
}

}  // namespace idiombench::support
