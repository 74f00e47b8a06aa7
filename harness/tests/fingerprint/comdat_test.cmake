# cmake -DFIRST=... -DSECOND=... -DNM=... -P comdat_test.cmake
# FIRST and SECOND link the same two objects in opposite orders; both hold
# std::__introsort_loop over a std::vector<long>, compiled at -O3 and at -O0, so each executable keeps
# another copy of it. The fingerprint of comdat_work() must not see which: the instance is
# identified by its name and the library's version, not by the kept copy's bytes.
include(${CMAKE_CURRENT_LIST_DIR}/probe_output.cmake)
foreach(probe FIRST SECOND)
  probe_fields(${${probe}} fields)
  list(GET fields 0 hash_${probe})
  list(GET fields 2 library_${probe})
  # The size of the kept copy: proof that the two executables hold different code for it.
  execute_process(COMMAND ${NM} -S --defined-only ${${probe}} OUTPUT_VARIABLE symbols)
  string(REGEX MATCH "[0-9a-f]+ ([0-9a-f]+) [TtWw] _ZSt16__introsort_loopIN9__gnu_cxx17__normal_iteratorIPlSt6vectorIlSaIlEEEElNS0_5__ops15_Iter_less_iterEEvT_S9_T0_T1_\n"
         kept "${symbols}")
  if(NOT kept)
    message(FATAL_ERROR "${${probe}} holds no std::__introsort_loop over a std::vector<long>")
  endif()
  set(size_${probe} "${CMAKE_MATCH_1}")
endforeach()
if(size_FIRST STREQUAL size_SECOND)
  message(FATAL_ERROR "both executables kept a copy of ${size_FIRST} bytes: the test shows nothing")
endif()
if(NOT library_FIRST GREATER_EQUAL 1)
  message(FATAL_ERROR "no library instance was identified by name (${library_FIRST})")
endif()
if(NOT hash_FIRST STREQUAL hash_SECOND)
  message(FATAL_ERROR "the kept copy of a library instance changed the fingerprint: "
                      "${hash_FIRST} (copy of 0x${size_FIRST} bytes) vs ${hash_SECOND} (0x${size_SECOND})")
endif()
message(STATUS "comdat_work(): ${hash_FIRST} with either copy (0x${size_FIRST} and 0x${size_SECOND} "
               "bytes), ${library_FIRST} library instances by name")
