# probe_fields(PROBE OUT): runs the fingerprint probe executable PROBE and sets OUT to the
# fields it prints (hash, then counts), failing the test when it fails. EMULATOR (qemu-user,
# for a cross build's probes) runs it when set.
function(probe_fields probe out)
  execute_process(COMMAND ${EMULATOR} ${probe} RESULT_VARIABLE status OUTPUT_VARIABLE output
                  ERROR_VARIABLE error OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${probe} failed (${status}): ${error}")
  endif()
  string(REPLACE " " ";" fields "${output}")
  set(${out} "${fields}" PARENT_SCOPE)
endfunction()
