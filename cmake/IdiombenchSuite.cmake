# idiombench_add_suite(<name> SOURCES ... [TESTS ...] [LIBRARIES ...] [OBJECTS ...])
#
# A suite's cases and variants become part of the `idiombench` executable (they
# register themselves statically, so they are linked as object files; they see the
# public API and the support library, harness/support), and of
# <name>_conformance: one GoogleTest per (case, variant, conformance size) plus the
# suite's own contract tests in TESTS. OBJECTS are further object libraries of the
# suite, for files that need their own flags or dependencies (vectorisation off,
# -march=native, OpenMP, Kokkos) without imposing them on the rest.
function(idiombench_add_suite name)
  cmake_parse_arguments(SUITE "" "" "SOURCES;TESTS;LIBRARIES;OBJECTS" ${ARGN})
  set(objects idiombench_suite_${name})
  add_library(${objects} OBJECT ${SUITE_SOURCES})
  target_link_libraries(${objects} PUBLIC idiombench::api idiombench::support ${SUITE_LIBRARIES})
  target_include_directories(${objects} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(idiombench PRIVATE ${objects} ${SUITE_OBJECTS})
  # define_case() takes the suite's name from here (idiombench/case.hpp).
  foreach(target ${objects} ${SUITE_OBJECTS})
    target_compile_definitions(${target} PRIVATE IDIOMBENCH_SUITE_NAME="${name}")
  endforeach()

  add_executable(${name}_conformance ${SUITE_TESTS})
  target_link_libraries(${name}_conformance PRIVATE ${objects} ${SUITE_OBJECTS} idiombench_core
                                                    idiombench_conformance_main GTest::gtest)
  gtest_discover_tests(${name}_conformance DISCOVERY_MODE PRE_TEST
                       PROPERTIES LABELS ${name})
  set_property(GLOBAL APPEND PROPERTY IDIOMBENCH_SUITES ${name})
endfunction()
