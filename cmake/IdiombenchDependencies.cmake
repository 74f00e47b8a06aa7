# Every dependency comes from Debian packages (ci/install-deps.sh), except Kokkos,
# which ci/build-kokkos.sh builds into the cache folder searched here.

find_package(benchmark REQUIRED)
find_package(GTest REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(range-v3 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS context)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
# RE2 for --filter: linear-time matching of user patterns (Debian ships no CMake config).
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
# Zydis decodes the binary's own code for the code fingerprints of the gate.
find_package(zydis REQUIRED)
find_package(OpenMP REQUIRED COMPONENTS CXX)
find_package(TBB REQUIRED)
find_package(BLAS REQUIRED)  # OpenBLAS from Debian; its cblas.h declares openblas_set_num_threads

# The SONAME of the shared library `file` (what dlopen should ask for: the ABI the headers
# were built against), or its file name where objdump cannot tell. For the libraries the
# suites open on first use rather than link (idiombench/support/library_on_demand.hpp).
function(idiombench_soname file out)
  get_filename_component(name "${file}" NAME)
  set(soname "${name}")
  if(CMAKE_OBJDUMP AND EXISTS "${file}")
    execute_process(COMMAND "${CMAKE_OBJDUMP}" -p "${file}" OUTPUT_VARIABLE headers
                    ERROR_QUIET RESULT_VARIABLE failed)
    if(NOT failed AND headers MATCHES "SONAME +([^ \n]+)")
      set(soname "${CMAKE_MATCH_1}")
    endif()
  endif()
  set(${out} "${soname}" PARENT_SCOPE)
endfunction()

# Records that the build opens `soname` on first use: the top level lists them all in
# <build>/on-demand-libraries.txt, for whoever ships the binary without its package
# dependencies (ci/gpu-kit.sh), since ldd cannot see them.
function(idiombench_opened_on_demand soname)
  set_property(GLOBAL APPEND PROPERTY IDIOMBENCH_ON_DEMAND_LIBRARIES "${soname}")
endfunction()

# OpenBLAS: the first of FindBLAS's libraries (Debian: libopenblas.so, through alternatives).
list(GET BLAS_LIBRARIES 0 blas_library)
idiombench_soname("${blas_library}" IDIOMBENCH_OPENBLAS_SONAME)
include(GoogleTest)

# Debian's python3 has the report's packages; a pyenv python3 on PATH may not.
find_program(IDIOMBENCH_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT IDIOMBENCH_PYTHON)
  find_program(IDIOMBENCH_PYTHON NAMES python3 REQUIRED)
endif()

# --- Kokkos (OpenMP + Serial from ci/build-kokkos.sh, or the user's Kokkos_ROOT) ----------
set(IDIOMBENCH_KOKKOS_VERSION 5.0.2)
if(DEFINED ENV{XDG_CACHE_HOME})
  set(kokkos_cache_root "$ENV{XDG_CACHE_HOME}/idiombench")
else()
  set(kokkos_cache_root "$ENV{HOME}/.cache/idiombench")
endif()
idiombench_backend_option(KOKKOS "Kokkos variants")
set(kokkos_found OFF)
if(NOT IDIOMBENCH_WITH_KOKKOS STREQUAL "OFF")
  # A cross build's Kokkos is built for its target (ci/build-kokkos.sh --arch), in a folder
  # of its own: never the host's.
  set(kokkos_folder "kokkos-${IDIOMBENCH_KOKKOS_VERSION}")
  set(kokkos_search "")
  if(CMAKE_CROSSCOMPILING)
    string(APPEND kokkos_folder "-${CMAKE_SYSTEM_PROCESSOR}")
    set(kokkos_search NO_CMAKE_SYSTEM_PATH)
  endif()
  find_package(Kokkos 5 CONFIG QUIET HINTS "${kokkos_cache_root}/${kokkos_folder}" ${kokkos_search})
  set(kokkos_found ${Kokkos_FOUND})
endif()
if(kokkos_found)
  set(kokkos_detail "Kokkos ${Kokkos_VERSION} at ${Kokkos_DIR}")
endif()
idiombench_resolve_backend(KOKKOS "${kokkos_found}" "${kokkos_detail}"
                           "Kokkos 5 not found (run ci/install-deps.sh or set Kokkos_ROOT)")

# --- CUDA: compiled whenever nvcc is found; variants skip at run time without a device --
idiombench_backend_option(CUDA "CUDA variants")
set(cuda_found OFF)
if(NOT IDIOMBENCH_WITH_CUDA STREQUAL "OFF")
  if(NOT DEFINED CMAKE_CUDA_COMPILER AND NOT DEFINED ENV{CUDACXX}
     AND EXISTS /usr/local/cuda/bin/nvcc)
    set(CMAKE_CUDA_COMPILER /usr/local/cuda/bin/nvcc)
  endif()
  include(CheckLanguage)
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    # No GPU on the build machine, so not "native": the architectures CUDA 13 supports.
    if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
      set(CMAKE_CUDA_ARCHITECTURES 75 80 90)
    endif()
    enable_language(CUDA)
    set(CMAKE_CUDA_STANDARD 17) # CMake 3.25 knows no CUDA 20 dialect for nvcc
    set(CMAKE_CUDA_STANDARD_REQUIRED ON)
    set(cuda_found ON)
    string(JOIN "," cuda_archs ${CMAKE_CUDA_ARCHITECTURES})
    set(cuda_detail "nvcc ${CMAKE_CUDA_COMPILER_VERSION}, architectures ${cuda_archs}")
  endif()
endif()
idiombench_resolve_backend(CUDA "${cuda_found}" "${cuda_detail}" "no CUDA compiler (nvcc) found")

# --- Kokkos on CUDA: a second Kokkos (Serial + CUDA, ci/build-kokkos.sh, or Kokkos_CUDA_ROOT)
# for the kokkos_cuda unit, a library built by its own compiler (nvcc_wrapper) and loaded
# at run time only where a device is present (suites/compute/kokkos_cuda/).
idiombench_backend_option(KOKKOS_CUDA "the kokkos_cuda unit (Kokkos built for CUDA)")
set(kokkos_cuda_found OFF)
if(NOT IDIOMBENCH_WITH_KOKKOS_CUDA STREQUAL "OFF" AND cuda_found)
  if(DEFINED ENV{Kokkos_CUDA_ROOT})
    set(IDIOMBENCH_KOKKOS_CUDA_ROOT "$ENV{Kokkos_CUDA_ROOT}")
  else()
    set(IDIOMBENCH_KOKKOS_CUDA_ROOT "${kokkos_cache_root}/kokkos-${IDIOMBENCH_KOKKOS_VERSION}-cuda")
  endif()
  if(EXISTS "${IDIOMBENCH_KOKKOS_CUDA_ROOT}/bin/nvcc_wrapper")
    set(kokkos_cuda_found ON)
    file(STRINGS "${IDIOMBENCH_KOKKOS_CUDA_ROOT}/include/KokkosCore_config.h" kokkos_cuda_arch
         REGEX "#define KOKKOS_ARCH_[A-Z]+[0-9]+$")
    string(REGEX REPLACE ".*KOKKOS_ARCH_" "" kokkos_cuda_arch "${kokkos_cuda_arch}")
    set(kokkos_cuda_detail "Kokkos for CUDA (${kokkos_cuda_arch}) at ${IDIOMBENCH_KOKKOS_CUDA_ROOT}")
  endif()
endif()
if(cuda_found)
  set(kokkos_cuda_why "no Kokkos built for CUDA (run ci/install-deps.sh or set Kokkos_CUDA_ROOT)")
else()
  set(kokkos_cuda_why "no CUDA compiler (nvcc) found")
endif()
idiombench_resolve_backend(KOKKOS_CUDA "${kokkos_cuda_found}" "${kokkos_cuda_detail}" "${kokkos_cuda_why}")

# --- io_uring ----------------------------------------------------------------------------
idiombench_backend_option(IO_URING "io_uring variants")
set(uring_found OFF)
if(NOT IDIOMBENCH_WITH_IO_URING STREQUAL "OFF")
  pkg_check_modules(LIBURING QUIET IMPORTED_TARGET liburing)
  set(uring_found ${LIBURING_FOUND})
endif()
idiombench_resolve_backend(IO_URING "${uring_found}" "liburing ${LIBURING_VERSION}"
                           "liburing not found (Debian package liburing-dev)")

# --- Python: CPython embedded (pybind11) for the python model's variants -----------------
# Debian's interpreter by default: its dist-packages hold numpy, numba, aiohttp (a pyenv
# python3 earlier on PATH has none of them). -DPython_EXECUTABLE=... picks another.
idiombench_backend_option(PYTHON "Python variants (CPython embedded with pybind11)")
set(python_found OFF)
if(NOT IDIOMBENCH_WITH_PYTHON STREQUAL "OFF")
  if(NOT DEFINED Python_EXECUTABLE AND EXISTS /usr/bin/python3)
    set(Python_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "the Python the python model embeds")
  endif()
  find_package(Python 3.9 QUIET COMPONENTS Interpreter Development.Embed)
  if(Python_FOUND)
    set(PYBIND11_FINDPYTHON ON)
    find_package(pybind11 2.6 CONFIG QUIET)
    set(python_found ${pybind11_FOUND})
  endif()
  # Which libpython to embed: the static one that /usr/bin/python3 is linked from, where
  # there is one (Debian's is the optimised build; code run through its shared libpython
  # takes 10-40% longer, which would be charged to every Python variant), else the shared.
  option(IDIOMBENCH_PYTHON_STATIC "Embed the static libpython where there is one" ON)
  set(IDIOMBENCH_PYTHON_ARCHIVE "")
  # A cross build asks the host's interpreter about the target's build of the same Python
  # (Debian's multiarch libpython3.11-dev:<arch> installs its sysconfig data beside it).
  set(python_sysconfig "")
  if(CMAKE_CROSSCOMPILING AND CMAKE_LIBRARY_ARCHITECTURE)
    set(python_sysconfig "_PYTHON_SYSCONFIGDATA_NAME=_sysconfigdata__linux_${CMAKE_LIBRARY_ARCHITECTURE}")
  endif()
  if(python_found AND IDIOMBENCH_PYTHON_STATIC)
    execute_process(
      COMMAND ${CMAKE_COMMAND} -E env ${python_sysconfig} ${Python_EXECUTABLE} -c
              "import sysconfig as s; v = s.get_config_var; print(f\"{v('LIBPL')}/{v('LIBRARY')};{v('LIBS') or ''} {v('SYSLIBS') or ''} {v('MODLIBS') or ''}\")"
      OUTPUT_VARIABLE python_static OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    list(GET python_static 0 python_archive)
    if(python_archive MATCHES "\\.a$" AND EXISTS "${python_archive}")
      set(IDIOMBENCH_PYTHON_ARCHIVE "${python_archive}")
      list(GET python_static 1 python_archive_libs)
      separate_arguments(python_archive_libs UNIX_COMMAND "${python_archive_libs}")
      list(REMOVE_DUPLICATES python_archive_libs)
      set(IDIOMBENCH_PYTHON_ARCHIVE_LIBS ${python_archive_libs})
    endif()
  endif()
endif()
if(IDIOMBENCH_PYTHON_ARCHIVE)
  set(python_linked "static libpython")
else()
  set(python_linked "shared libpython")
endif()
idiombench_resolve_backend(PYTHON "${python_found}"
                           "CPython ${Python_VERSION} (${Python_EXECUTABLE}, ${python_linked}), pybind11 ${pybind11_VERSION}"
                           "no CPython headers or pybind11 (Debian packages python3-dev, pybind11-dev)")

# --- The versions of the header libraries whose template instances the executable holds --
# A code fingerprint identifies a function instantiated from these libraries' headers by its
# name and these versions (gate/code_fingerprint.cpp), not by the bytes of whichever copy
# the linker kept: those change when an unrelated file of the same link grows.
find_package(absl QUIET)  # the memoization and wrappers suites require it themselves
find_package(xsimd CONFIG QUIET)  # for its version only (compute includes the headers)
find_package(CUDAToolkit QUIET)  # the static CUDA runtime the cuda variants link
string(CONCAT IDIOMBENCH_LIBRARY_VERSIONS
       "boost ${Boost_VERSION}, fmt ${fmt_VERSION}, range-v3 ${range-v3_VERSION}, tbb ${TBB_VERSION}"
       ", nlohmann_json ${nlohmann_json_VERSION}, CLI11 ${CLI11_VERSION}, benchmark ${benchmark_VERSION}"
       ", absl ${absl_VERSION}, xsimd ${xsimd_VERSION}, kokkos ${Kokkos_VERSION}"
       ", pybind11 ${pybind11_VERSION}, python ${Python_VERSION}, cuda ${CUDAToolkit_VERSION}")
