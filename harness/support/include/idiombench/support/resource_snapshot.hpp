// What a contract test compares before and after: open descriptors, zombie children,
// shared-memory mappings and /dev/shm entries of this process.
#pragma once

#include <dirent.h>
#include <unistd.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace idiombench::support {

inline std::set<std::string> list_dir(const std::string& path) {
  std::set<std::string> names;
  if (DIR* dir = ::opendir(path.c_str())) {
    while (dirent* e = ::readdir(dir)) names.insert(e->d_name);
    ::closedir(dir);
  }
  return names;
}

inline std::size_t open_fds() {
  return list_dir("/proc/self/fd").size();
}

// Children of this process that exited and were never waited for.
inline int zombie_children() {
  int zombies = 0;
  for (const auto& name : list_dir("/proc")) {
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat("/proc/" + name + "/stat");
    std::string line;
    std::getline(stat, line);
    auto close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(line.substr(close + 2));
    char state;
    int ppid;
    rest >> state >> ppid;
    if (ppid == ::getpid() && state == 'Z') ++zombies;
  }
  return zombies;
}

// Shared mappings of memfd regions still in this process's address space.
inline int memfd_mappings() {
  std::ifstream maps("/proc/self/maps");
  int count = 0;
  for (std::string line; std::getline(maps, line);) {
    if (line.find("/memfd:") != std::string::npos) ++count;
  }
  return count;
}

// The names in /dev/shm, less the OpenMP runtime's per-process registration files
// (LLVM libomp's __KMP_REGISTERED_LIB_<pid>_...): other processes running beside a test
// create and remove those at any moment, and they are not ours to leak.
inline std::set<std::string> shared_memory_names() {
  std::set<std::string> names;
  for (const auto& name : list_dir("/dev/shm")) {
    if (name.rfind("__KMP_REGISTERED_LIB_", 0) != 0) names.insert(name);
  }
  return names;
}

struct ResourceSnapshot {
  std::size_t fds = open_fds();
  int zombies = zombie_children();
  int memfds = memfd_mappings();
  std::set<std::string> dev_shm = shared_memory_names();
};

}  // namespace idiombench::support
