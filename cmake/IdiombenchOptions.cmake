# Build options, compiler flags, and the configure summary.

option(IDIOMBENCH_WERROR "Treat compiler warnings as errors" OFF)
# The test executables (harness, support, python and every suite's conformance tests) are
# ~15% of a build's compile time; ci/main.sh, which only runs the suites, turns them off.
option(IDIOMBENCH_TESTS "Build the test executables" ON)
option(IDIOMBENCH_FUZZ "Build the libFuzzer targets (clang only; the fuzz preset)" OFF)
option(IDIOMBENCH_NATIVE "Compile the autovec / simd variants for a target ISA (IDIOMBENCH_MARCH)" ON)
# Valgrind (instruction-count mode) cannot execute AVX-512: the `instructions` preset
# sets x86-64-v3 (AVX2) here.
set(IDIOMBENCH_MARCH "native" CACHE STRING "-march= for the autovec / simd variants")
# For ci/gate-experiment.sh only: "REGEX:EVERY" makes every benchmark whose name matches
# REGEX run its variant once more every EVERY-th timed iteration (a real slowdown of
# 1/EVERY). Recorded in the results and warned about; empty in every real build.
set(IDIOMBENCH_INJECT_SLOWDOWN "" CACHE STRING "gate experiment only: REGEX:EVERY")
set(IDIOMBENCH_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined or thread")

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()

set(IDIOMBENCH_WARNINGS -Wall -Wextra)
if(IDIOMBENCH_WERROR)
  list(APPEND IDIOMBENCH_WARNINGS -Werror)
endif()
add_compile_options("$<$<COMPILE_LANGUAGE:CXX>:${IDIOMBENCH_WARNINGS}>")

# A compiler cache when there is one: the gate builds two commits that share most files.
find_program(IDIOMBENCH_CCACHE ccache)
# The Python variants' precompiled headers are cached only with these sloppiness settings.
# One path, not a command list: the kokkos_cuda unit's own build is handed the launcher.
if(IDIOMBENCH_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/ccache-launcher.sh.in
                 ${CMAKE_BINARY_DIR}/ccache-launcher.sh @ONLY
                 FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                                  WORLD_READ WORLD_EXECUTE)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_BINARY_DIR}/ccache-launcher.sh)
endif()

# AArch64 code is fingerprinted through the link's relocations (gate/aarch64_relocation.hpp),
# so every aarch64 executable keeps them: not loaded, only the file grows.
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  add_link_options(-Wl,--emit-relocs)
endif()

if(IDIOMBENCH_SANITIZE)
  add_compile_options("$<$<COMPILE_LANGUAGE:CXX>:-fsanitize=${IDIOMBENCH_SANITIZE}>"
                      "$<$<COMPILE_LANGUAGE:CXX>:-fno-omit-frame-pointer>")
  add_link_options(-fsanitize=${IDIOMBENCH_SANITIZE})
  # Sanitizer instrumentation makes GCC 12 report "maybe uninitialized" inside
  # libstdc++ (std::regex, std::function): false positives, so not errors there.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options("$<$<COMPILE_LANGUAGE:CXX>:-Wno-maybe-uninitialized>")
  endif()
  # Clang 14's -fsanitize=function (part of "undefined") cannot compile a coroutine
  # ("Cannot represent a difference across sections"): every other check stays on.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND IDIOMBENCH_SANITIZE MATCHES "undefined")
    add_compile_options("$<$<COMPILE_LANGUAGE:CXX>:-fno-sanitize=function>")
  endif()
endif()

# Lines for the one summary printed at the end of configure.
set_property(GLOBAL PROPERTY IDIOMBENCH_SUMMARY "")
function(idiombench_summary_line text)
  set_property(GLOBAL APPEND PROPERTY IDIOMBENCH_SUMMARY "${text}")
endfunction()

# A backend option: AUTO (use it when found), ON (required), OFF.
# Sets IDIOMBENCH_HAVE_<NAME> and IDIOMBENCH_<NAME>_REASON in the caller's scope.
macro(idiombench_backend_option name description)
  set(IDIOMBENCH_WITH_${name} AUTO CACHE STRING "${description}: AUTO, ON or OFF")
  set_property(CACHE IDIOMBENCH_WITH_${name} PROPERTY STRINGS AUTO ON OFF)
endmacro()

function(idiombench_resolve_backend name found detail why_not)
  set(mode ${IDIOMBENCH_WITH_${name}})
  if(mode STREQUAL "OFF")
    set(have OFF)
    set(reason "disabled by IDIOMBENCH_WITH_${name}=OFF")
  elseif(found)
    set(have ON)
    set(reason "${detail}")
  elseif(mode STREQUAL "ON")
    message(FATAL_ERROR "IDIOMBENCH_WITH_${name}=ON but ${why_not}")
  else()
    set(have OFF)
    set(reason "${why_not}")
  endif()
  set(IDIOMBENCH_HAVE_${name} ${have} PARENT_SCOPE)
  set(IDIOMBENCH_${name}_REASON "${reason}" PARENT_SCOPE)
  if(have)
    idiombench_summary_line("  ${name}: enabled (${reason})")
  else()
    idiombench_summary_line("  ${name}: off (${reason})")
  endif()
endfunction()

function(idiombench_print_summary)
  get_property(lines GLOBAL PROPERTY IDIOMBENCH_SUMMARY)
  get_property(suites GLOBAL PROPERTY IDIOMBENCH_SUITES)
  string(REPLACE ";" ", " suites "${suites}")
  message(STATUS "idiombench ${PROJECT_VERSION}: ${CMAKE_BUILD_TYPE} build with "
                 "${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}, warnings as errors: "
                 "${IDIOMBENCH_WERROR}, sanitizers: '${IDIOMBENCH_SANITIZE}'")
  message(STATUS "idiombench suites: ${suites}")
  message(STATUS "idiombench backends:")
  foreach(line IN LISTS lines)
    message(STATUS "${line}")
  endforeach()
endfunction()
