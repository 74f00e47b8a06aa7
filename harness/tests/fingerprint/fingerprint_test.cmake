# cmake -DA=... -DA_MOVED=... -DB=... -P fingerprint_test.cmake
# A: work() + callee_a; A_MOVED: the same objects with unrelated code linked first (every
# address moves); B: callee_b, one constant changed. The fingerprint of work() must be the
# same for A and A_MOVED and differ for B.
include(${CMAKE_CURRENT_LIST_DIR}/probe_output.cmake)
foreach(probe A A_MOVED B)
  probe_fields(${${probe}} fields)
  list(GET fields 0 hash_${probe})
  list(GET fields 1 functions_${probe})
endforeach()
if(NOT functions_A GREATER_EQUAL 2)
  message(FATAL_ERROR "the fingerprint of work() reached ${functions_A} functions: callee() was not followed")
endif()
if(NOT hash_A STREQUAL hash_A_MOVED)
  message(FATAL_ERROR "moving unrelated code changed the fingerprint: ${hash_A} vs ${hash_A_MOVED}")
endif()
if(hash_A STREQUAL hash_B)
  message(FATAL_ERROR "a changed callee left the fingerprint as it was: ${hash_A}")
endif()
message(STATUS "work(): ${hash_A} (moved: ${hash_A_MOVED}), with the changed callee: ${hash_B}")
