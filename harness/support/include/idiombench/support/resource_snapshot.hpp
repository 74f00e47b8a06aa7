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

struct ResourceSnapshot {
  std::size_t fds = open_fds();
  int zombies = zombie_children();
  int memfds = memfd_mappings();
  std::set<std::string> dev_shm = list_dir("/dev/shm");
};

}  // namespace idiombench::support
