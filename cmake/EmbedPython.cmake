# cmake -DMODULE=... -DSOURCE=... -DPATH=... -DOUTPUT=... -P EmbedPython.cmake
#
# Writes a C++ file that carries one Python module's source in the binary and registers it
# (idiombench/python/embed_source.hpp): a copied or baseline binary runs the Python it was
# built with. PATH (relative to the repository) names the file in Python's tracebacks.
file(READ "${SOURCE}" text)
set(delimiter "idiombench_py")
string(FIND "${text}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${SOURCE} contains the raw-string delimiter )${delimiter}\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${PATH} by cmake/EmbedPython.cmake: do not edit.\n"
  "#include \"idiombench/python/embed_source.hpp\"\n"
  "namespace {\n"
  "[[maybe_unused]] const auto embedded = idiombench::python::embed_source(\n"
  "    \"${MODULE}\", \"${PATH}\", R\"${delimiter}(${text})${delimiter}\");\n"
  "}  // namespace\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
