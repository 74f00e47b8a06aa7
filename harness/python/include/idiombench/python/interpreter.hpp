// CPython embedded in the runner, for the variants of the `python` model: the Python
// idiom itself, run through the same verification and timing as the C++ variants.
//
// The interpreter starts once per process, on first use, on the thread that uses it (the
// benchmark's thread keeps the GIL: taking it per call would add its own cost to every
// figure). A suite's .py files are compiled into the binary (idiombench_add_suite's
// PYTHON_MODULES), so a copied binary runs the same Python as the one that was built.
#pragma once

#include <pybind11/embed.h>

#include <string>
#include <string_view>
#include <vector>

#include "idiombench/model.hpp"
#include "idiombench/python/embed_source.hpp"
#include "idiombench/registry.hpp"

namespace idiombench::python {

namespace py = pybind11;

inline const ModelSpec model{
    "python",
    "CPython embedded in the runner (pybind11): the Python idiom itself, its input converted "
    "once before timing",
    InstructionCounts::approximate};

// The source text of an embedded module (empty if there is none of that name).
std::string embedded_source(const std::string& module);

// Starts the interpreter if this process has none yet; throws std::runtime_error when it
// cannot start. Python's own signal handlers are not installed; sys.executable names the
// real interpreter, so that multiprocessing's helper processes start Python, not idiombench.
void start();

// The embedded module of that name as this process has it, executed on first use (refusing
// nothing); throws on a Python error.
py::module_ import_embedded(const std::string& module);

// The same for a process that runs a variant needing `needs`: while the module's code first
// executes, the optional modules other variants of it declared (declare_needs) and this one
// does not need are refused (ImportError, which the module's `try: import numpy` expects), so
// a process timing a generator does not load NumPy, nor one timing NumPy load numba. A later
// call that needs one of them executes the module's code again in the same module, refusing
// nothing.
py::module_ import_embedded(const std::string& module, const std::vector<std::string>& needs);

// Some variant of `module` needs these optional modules (numpy, numba, aiohttp).
void declare_needs(const std::string& module, const std::vector<std::string>& needs);

// Empty when every named module can be imported here; otherwise which are missing, with
// the Debian package that has each, e.g. "Python module numba not found (python3-numba)".
std::string missing_modules(const std::vector<std::string>& modules);

// A Python exception as its traceback's last line says it: "ValueError: message".
std::string describe(const py::error_already_set& error);

}  // namespace idiombench::python
