#include "idiombench/python/interpreter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "idiombench/backend.hpp"
#include "idiombench/python/variant.hpp"
#include "python_build_info.hpp"

namespace idiombench::python {
namespace {

struct Source {
  std::string path;
  std::string_view text;
};

std::map<std::string, Source>& sources() {
  static std::map<std::string, Source> all;
  return all;
}

// Per module: the optional modules its variants declared, and those refused while the
// copy in sys.modules executed.
struct Imports {
  std::set<std::string> optional;
  std::set<std::string> refused;
};

std::map<std::string, Imports>& imports() {
  static std::map<std::string, Imports> all;
  return all;
}

// What `source` (Python, run in a scope of its own) defines as `name`. Kept by the caller in a
// static and never released: the interpreter may be gone when statics are destroyed.
const py::object* defined_by(const char* source, const char* name) {
  py::dict scope;
  scope["__builtins__"] = py::module_::import("builtins");
  py::exec(source, scope);
  return new py::object(scope[name]);
}

// A sys.meta_path finder that refuses the named top-level packages (and their submodules).
py::object refusing_finder(const std::set<std::string>& names) {
  static const char* const source = R"(
class RefuseImports:
    def __init__(self, names):
        self.names = frozenset(names)

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in self.names:
            raise ModuleNotFoundError(
                f"{name} is not loaded in a process whose variant does not need it", name=name)
        return None
)";
  static const auto* finder_class = defined_by(source, "RefuseImports");
  py::list refused;
  for (const auto& name : names) refused.append(py::str(name));
  return (*finder_class)(refused);
}

// Executes the module's source with the `refused` imports refused while it runs: in a fresh
// module registered in sys.modules, or again in `into` (the module the process has: the
// functions already taken from it see what the second execution imported).
py::module_ execute(const std::string& module, const std::set<std::string>& refused,
                    py::object into = py::none());

std::thread::id& owner() {
  static std::thread::id id;
  return id;
}

// The Debian package that has a module the variants import.
std::string package_of(const std::string& module) {
  static const std::map<std::string, std::string> packages = {{"numpy", "python3-numpy"},
                                                              {"numba", "python3-numba"},
                                                              {"aiohttp", "python3-aiohttp"},
                                                              {"bs4", "python3-bs4"},
                                                              {"uvloop", "python3-uvloop"}};
  auto found = packages.find(module);
  return found == packages.end() ? "" : found->second;
}

BackendStatus probe() {
  BackendStatus status;
  try {
    start();
    auto sys = py::module_::import("sys");
    status.details.emplace_back(
        "version", sys.attr("version").attr("split")().attr("__getitem__")(0).cast<std::string>());
    status.details.emplace_back("executable", sys.attr("executable").cast<std::string>());
    status.details.emplace_back("linked", IDIOMBENCH_PYTHON_LINKED);
    auto metadata = py::module_::import("importlib.metadata");
    for (const char* name : {"numpy", "numba", "aiohttp", "beautifulsoup4", "uvloop"}) {
      try {
        status.details.emplace_back(name, metadata.attr("version")(name).cast<std::string>());
      } catch (const py::error_already_set&) {
        status.details.emplace_back(name, "not installed");
      }
    }
    status.available = true;
  } catch (const std::exception& error) {
    status.reason = error.what();
  }
  return status;
}

[[maybe_unused]] const auto declared_model = declare_model(model);
[[maybe_unused]] const auto declared_backend =
    declare_backend({.name = "python", .probe = probe, .models = {model.name}});

}  // namespace

bool embed_source(std::string module, std::string path, std::string_view text) {
  if (!sources().emplace(std::move(module), Source{std::move(path), text}).second) {
    idiombench::detail::registration_error("two embedded Python modules share a name");
  }
  return true;
}

std::string embedded_source(const std::string& module) {
  auto found = sources().find(module);
  return found == sources().end() ? std::string() : std::string(found->second.text);
}

void start() {
  static std::once_flag started;
  static std::string failure;
  std::call_once(started, [] {
    if (Py_IsInitialized()) return;  // a host that embeds Python already
    PyConfig config;
    // Isolated: PYTHONHOME / PYTHONPATH meant for another Python (a pyenv build) must not
    // steer this one; the system's site-packages (numpy, numba) are still found.
    PyConfig_InitIsolatedConfig(&config);
    config.install_signal_handlers = 0;  // the runner's SIGINT / SIGTERM handling stays
    const char* argv[] = {"idiombench"};
    try {
      py::initialize_interpreter(&config, 1, argv, false);
      auto sys = py::module_::import("sys");
      sys.attr("executable") = IDIOMBENCH_PYTHON_EXECUTABLE;
      sys.attr("_base_executable") = IDIOMBENCH_PYTHON_EXECUTABLE;
      owner() = std::this_thread::get_id();
    } catch (const std::exception& error) {
      failure = fmt::format("CPython did not start: {}", error.what());
    }
  });
  if (!failure.empty()) throw std::runtime_error(failure);
}

void declare_needs(const std::string& module, const std::vector<std::string>& needs) {
  imports()[module].optional.insert(needs.begin(), needs.end());
}

py::module_ import_embedded(const std::string& module) {
  auto modules = py::module_::import("sys").attr("modules");
  if (modules.contains(module.c_str())) return modules[module.c_str()].cast<py::module_>();
  return execute(module, {});
}

py::module_ import_embedded(const std::string& module, const std::vector<std::string>& needs) {
  auto modules = py::module_::import("sys").attr("modules");
  if (!modules.contains(module.c_str())) {
    std::set<std::string> refused = imports()[module].optional;
    for (const auto& name : needs) refused.erase(name);
    return execute(module, refused);
  }
  auto existing = modules[module.c_str()].cast<py::module_>();
  const auto& refused = imports()[module].refused;
  const bool refused_one =
      std::any_of(needs.begin(), needs.end(), [&](auto& n) { return refused.count(n) > 0; });
  return refused_one ? execute(module, {}, existing) : existing;
}

namespace {

py::module_ execute(const std::string& module, const std::set<std::string>& refused,
                    py::object into) {
  auto found = sources().find(module);
  if (found == sources().end()) {
    throw std::runtime_error(fmt::format("no embedded Python module '{}'", module));
  }
  auto sys = py::module_::import("sys");
  auto modules = sys.attr("modules");
  auto builtins = py::module_::import("builtins");
  auto code = builtins.attr("compile")(
      py::str(found->second.text.data(), found->second.text.size()), found->second.path, "exec");
  const bool fresh = into.is_none();
  if (fresh) {
    into = py::module_::import("types").attr("ModuleType")(module.c_str());
    into.attr("__file__") = found->second.path;
    // Registered before it runs, as an import would be: pickling its functions by name
    // (multiprocessing) finds it.
    modules[module.c_str()] = into;
  }
  py::object finder = refused.empty() ? py::none() : refusing_finder(refused);
  if (!finder.is_none()) sys.attr("meta_path").attr("insert")(0, finder);
  try {
    builtins.attr("exec")(code, into.attr("__dict__"));
  } catch (...) {
    if (!finder.is_none()) sys.attr("meta_path").attr("remove")(finder);
    if (fresh) PyDict_DelItemString(modules.ptr(), module.c_str());
    throw;
  }
  if (!finder.is_none()) sys.attr("meta_path").attr("remove")(finder);
  imports()[module].refused = refused;
  return into.cast<py::module_>();
}

}  // namespace

// The platform a found module's compiled extensions were built for, when this interpreter
// cannot load them (numpy from the host's dist-packages under qemu-user, a wheel for another
// machine), else "". Found without importing: the first extension file under the package.
std::string foreign_platform(const py::object& spec) {
  static const char* const source = R"(
def foreign_platform(spec):
    import importlib.machinery, os, re
    loadable = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    places = list(spec.submodule_search_locations or [])
    files = [spec.origin] if not places and spec.origin else []
    for place in places:
        for folder, _, names in os.walk(place):
            files += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".so")]
            if files:
                break
    for path in files:
        tag = re.search(r"\.cpython-[^.]*?-([^.]+)\.so$", path)
        if tag and tag.group(0) not in loadable:
            return tag.group(1)
    return ""
)";
  static const auto* check = defined_by(source, "foreign_platform");
  return (*check)(spec).cast<std::string>();
}

std::string missing_modules(const std::vector<std::string>& modules) {
  if (modules.empty()) return "";
  try {
    start();
    auto find_spec = py::module_::import("importlib.util").attr("find_spec");
    std::string missing;
    for (const auto& name : modules) {
      const auto spec = find_spec(name.c_str());
      const auto separator = missing.empty() ? "" : "; ";
      if (!spec.is_none()) {
        if (auto platform = foreign_platform(spec); !platform.empty())
          missing += fmt::format(
              "{}Python module {} is built for another platform ({}): this interpreter cannot "
              "load it",
              separator, name, platform);
        continue;
      }
      const auto package = package_of(name);
      missing += fmt::format("{}Python module {} not found{}", separator, name,
                             package.empty() ? "" : " (Debian package " + package + ")");
    }
    return missing;
  } catch (const std::exception& error) {
    return error.what();
  }
}

std::string describe(const py::error_already_set& error) {
  std::string type = "Exception";
  std::string message;
  try {
    type = py::str(error.type().attr("__name__"));
    message = py::str(error.value());
  } catch (...) {
    return error.what();
  }
  return message.empty() ? type : type + ": " + message;
}

namespace detail {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void check_thread() {
  if (std::this_thread::get_id() != owner()) {
    throw std::runtime_error(
        "a Python variant ran on a thread other than the one that started the interpreter");
  }
}

}  // namespace detail
}  // namespace idiombench::python
