# idiombench_add_suite(<name> SOURCES ... [TESTS ...] [LIBRARIES ...] [OBJECTS ...]
#                      [PYTHON_SOURCES ...] [PYTHON_MODULES ...] [PYTHON_TESTS ...])
#
# A suite's cases and variants become part of the `idiombench` executable (they
# register themselves statically, so they are linked as object files; they see the
# public API and the support library, harness/support), and of
# <name>_conformance: one GoogleTest per (case, variant, conformance size) plus the
# suite's own contract tests in TESTS. OBJECTS are further object libraries of the
# suite, for files that need their own flags or dependencies (vectorisation off,
# -march=native, OpenMP, Kokkos) without imposing them on the rest.
#
# The python model, built only where IDIOMBENCH_HAVE_PYTHON: PYTHON_SOURCES register the
# Python variants (idiombench/python/variant.hpp); PYTHON_MODULES are the .py files they
# call, compiled into the binary as modules named <suite>_<case> (the file's folder above
# python/: <case>/python/variants.py); PYTHON_TESTS are contract tests that need Python.
function(idiombench_add_suite name)
  cmake_parse_arguments(SUITE "" "" "SOURCES;TESTS;LIBRARIES;OBJECTS;PYTHON_SOURCES;PYTHON_MODULES;PYTHON_TESTS" ${ARGN})
  set(objects idiombench_suite_${name})
  add_library(${objects} OBJECT ${SUITE_SOURCES})
  target_link_libraries(${objects} PUBLIC idiombench::api idiombench::support ${SUITE_LIBRARIES})
  target_include_directories(${objects} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  if(IDIOMBENCH_HAVE_PYTHON AND SUITE_PYTHON_SOURCES)
    idiombench_suite_python(${name})
    list(APPEND SUITE_OBJECTS idiombench_suite_${name}_python)
    list(APPEND SUITE_TESTS ${SUITE_PYTHON_TESTS})
  endif()
  target_link_libraries(idiombench PRIVATE ${objects} ${SUITE_OBJECTS})
  # define_case() takes the suite's name from here (idiombench/case.hpp).
  foreach(target ${objects} ${SUITE_OBJECTS})
    target_compile_definitions(${target} PRIVATE IDIOMBENCH_SUITE_NAME="${name}")
  endforeach()

  if(IDIOMBENCH_TESTS)
    add_executable(${name}_conformance ${SUITE_TESTS})
    target_link_libraries(${name}_conformance PRIVATE ${objects} ${SUITE_OBJECTS} idiombench_core
                                                      idiombench_conformance_main GTest::gtest)
    if(IDIOMBENCH_HAVE_PYTHON AND SUITE_PYTHON_SOURCES)
      target_compile_definitions(${name}_conformance PRIVATE IDIOMBENCH_HAVE_PYTHON=1)
    endif()
    gtest_discover_tests(${name}_conformance DISCOVERY_MODE PRE_TEST
                         PROPERTIES LABELS ${name})
  endif()
  set_property(GLOBAL APPEND PROPERTY IDIOMBENCH_SUITES ${name})
endfunction()

# The object library of a suite's Python variants and their embedded modules (called by
# idiombench_add_suite, whose SUITE_* variables it reads).
macro(idiombench_suite_python name)
  set(python_objects idiombench_suite_${name}_python)
  set(embedded)
  foreach(module_file ${SUITE_PYTHON_MODULES})
    get_filename_component(source ${module_file} ABSOLUTE)
    get_filename_component(folder ${source} DIRECTORY)
    get_filename_component(case_folder ${folder} DIRECTORY)
    get_filename_component(case_name ${case_folder} NAME)
    file(RELATIVE_PATH path ${PROJECT_SOURCE_DIR} ${source})
    set(output ${CMAKE_CURRENT_BINARY_DIR}/python/${name}_${case_name}.cpp)
    add_custom_command(
      OUTPUT ${output}
      COMMAND ${CMAKE_COMMAND} -DMODULE=${name}_${case_name} -DSOURCE=${source} -DPATH=${path}
              -DOUTPUT=${output} -P ${PROJECT_SOURCE_DIR}/cmake/EmbedPython.cmake
      DEPENDS ${source} ${PROJECT_SOURCE_DIR}/cmake/EmbedPython.cmake
      COMMENT "Embedding ${path}")
    list(APPEND embedded ${output})
  endforeach()
  add_library(${python_objects} OBJECT ${SUITE_PYTHON_SOURCES} ${embedded})
  target_link_libraries(${python_objects} PUBLIC idiombench::api idiombench::support
                        idiombench::python ${SUITE_LIBRARIES})
  target_include_directories(${python_objects} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  # pybind11's types are hidden; what holds them must be too.
  set_target_properties(${python_objects} PROPERTIES CXX_VISIBILITY_PRESET hidden)
  # pybind11's headers are ~6 of the ~11 s each variants.cpp takes: parsed once per suite.
  target_precompile_headers(${python_objects} PRIVATE <pybind11/pybind11.h> <pybind11/numpy.h>
                            <pybind11/stl.h> <idiombench/python/variant.hpp>)
  set_source_files_properties(${embedded} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
endmacro()
