// A Python module's source carried in the binary: what the files cmake/EmbedPython.cmake
// generates include. Nothing of pybind11 or CPython, so each of them compiles in a
// fraction of a second (with interpreter.hpp they took ~8 s each).
#pragma once

#include <string>
#include <string_view>

namespace idiombench::python {

// Adds module `module`'s source to those the binary carries (import_embedded finds it);
// `path` (relative to the repository) names it in tracebacks. A second module of the same
// name is a registration error. Returns true, for a static initialiser.
bool embed_source(std::string module, std::string path, std::string_view text);

}  // namespace idiombench::python
