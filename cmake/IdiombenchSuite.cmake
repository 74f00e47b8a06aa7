# idiombench_add_suite(<name> SOURCES ... [TESTS ...] [LIBRARIES ...])
#
# A suite's cases and variants become part of the `idiombench` executable (they
# register themselves statically, so they are linked as object files), and of
# <name>_conformance: one GoogleTest per (case, variant, conformance size) plus the
# suite's own contract tests in TESTS.
function(idiombench_add_suite name)
  cmake_parse_arguments(SUITE "" "" "SOURCES;TESTS;LIBRARIES" ${ARGN})
  set(objects idiombench_suite_${name})
  add_library(${objects} OBJECT ${SUITE_SOURCES})
  target_link_libraries(${objects} PUBLIC idiombench::api ${SUITE_LIBRARIES})
  target_include_directories(${objects} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(idiombench PRIVATE ${objects})

  add_executable(${name}_conformance ${SUITE_TESTS})
  target_link_libraries(${name}_conformance PRIVATE ${objects} idiombench_core
                                                    idiombench_conformance_main GTest::gtest)
  gtest_discover_tests(${name}_conformance DISCOVERY_MODE PRE_TEST
                       PROPERTIES LABELS "conformance;${name}")
  set_property(GLOBAL APPEND PROPERTY IDIOMBENCH_SUITES ${name})
endfunction()
