# The rooms check (cmake/CheckRooms.cmake) fails on each kind of breach: a copy of the real
# harness/src and harness/support, broken one way at a time.
#   cmake -DSRC=... -DSUPPORT=... -DCHECK=cmake/CheckRooms.cmake -DWORK=<scratch> -P ...
function(expect_breach what file text pattern)
  file(REMOVE_RECURSE ${WORK})
  file(COPY ${SRC}/ DESTINATION ${WORK}/src)
  file(COPY ${SUPPORT}/ DESTINATION ${WORK}/support)
  file(APPEND ${WORK}/${file} "${text}")
  execute_process(COMMAND ${CMAKE_COMMAND} -DSRC=${WORK}/src -DSUPPORT=${WORK}/support -P ${CHECK}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(status EQUAL 0)
    message(FATAL_ERROR "the rooms check passed ${what}")
  endif()
  if(NOT out MATCHES "${pattern}")
    message(FATAL_ERROR "the rooms check failed ${what}, but did not say so:\n${out}")
  endif()
  message(STATUS "caught ${what}")
endfunction()

# The real tree passes: the breaches below are the only ones.
execute_process(COMMAND ${CMAKE_COMMAND} -DSRC=${SRC} -DSUPPORT=${SUPPORT} -P ${CHECK}
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the rooms check fails on the tree itself:\n${out}")
endif()

expect_breach("an upward include (plan including the gate)" src/plan/plan.hpp
              "#include \"gate/ab_command.hpp\"\n"
              "plan/plan.hpp \\(room plan\\) includes gate/ab_command.hpp: room gate is above it")
expect_breach("a file outside every room" src/stray.cpp "int stray;\n"
              "harness/src/stray.cpp is in no room")
expect_breach("support including the harness" support/src/cpu_work.cpp
              "#include \"idiombench/registry.hpp\"\n"
              "cpu_work.cpp includes idiombench/registry.hpp: the support library is below")
file(REMOVE_RECURSE ${WORK})
