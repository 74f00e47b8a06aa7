# cmake -DA=... -DB=... -P literal_test.cmake
# A and B hold the same literal_work() (it returns "", "alpha" and a long literal) linked
# by lld with --emit-relocs, as the gate links, beside other literals in each: the linker
# merges all of them into one run, so what follows each of literal_work()'s literals
# differs. Its fingerprint must not: a literal is its bytes up to its NUL.
include(${CMAKE_CURRENT_LIST_DIR}/probe_output.cmake)
probe_fields(${A} fields_a)
probe_fields(${B} fields_b)
list(GET fields_a 0 hash_a)
list(GET fields_b 0 hash_b)
list(GET fields_a 2 after_a)
list(GET fields_b 2 after_b)
if(after_a STREQUAL after_b)
  message(FATAL_ERROR "the same bytes follow \"\" in both executables (${after_a}): the test shows nothing")
endif()
if(NOT hash_a STREQUAL hash_b)
  message(FATAL_ERROR "other objects' string literals changed the fingerprint of literal_work(): "
                      "${hash_a} vs ${hash_b}")
endif()
message(STATUS "literal_work(): ${hash_a} beside either set of literals")
