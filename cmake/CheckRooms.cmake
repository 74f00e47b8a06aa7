# The harness's rooms keep to their floors (harness/src/README.md): a file of harness/src/
# lives in a room, includes headers of its own room and the rooms below it only, and the
# support library below the harness includes nothing of it.
#   cmake -DSRC=harness/src -DSUPPORT=harness/support -P cmake/CheckRooms.cmake
# Exits non-zero with one line per breach.

# Bottom to top: each room may include its own and the rooms before it.
set(rooms plan run results gate cli)
set(breaches "")
get_filename_component(SRC "${SRC}" ABSOLUTE)
if(SUPPORT)
  get_filename_component(SUPPORT "${SUPPORT}" ABSOLUTE)
endif()

file(GLOB_RECURSE sources RELATIVE ${SRC} ${SRC}/*)
if(NOT sources)
  message(FATAL_ERROR "idiombench: no files under ${SRC}")
endif()
foreach(source IN LISTS sources)
  if(source MATCHES "\\.md$")
    continue()
  endif()
  string(REGEX MATCH "^[^/]+" room "${source}")
  list(FIND rooms "${room}" level)
  if(room STREQUAL source OR level EQUAL -1)
    list(APPEND breaches "harness/src/${source} is in no room (${rooms})")
    continue()
  endif()
  file(STRINGS ${SRC}/${source} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^[^\"]*\"([^\"]*)\".*" "\\1" header "${line}")
    string(REGEX MATCH "^[^/]+" header_room "${header}")
    list(FIND rooms "${header_room}" header_level)
    if(header_level GREATER level)
      list(APPEND breaches
           "harness/src/${source} (room ${room}) includes ${header}: room ${header_room} is above it")
    endif()
  endforeach()
endforeach()

if(SUPPORT)
  file(GLOB_RECURSE support_files RELATIVE ${SUPPORT} ${SUPPORT}/*.hpp ${SUPPORT}/*.cpp)
  foreach(source IN LISTS support_files)
    file(STRINGS ${SUPPORT}/${source} includes REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]idiombench/")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^[^\"<]*[\"<]([^\">]*)[\">].*" "\\1" header "${line}")
      if(NOT header MATCHES "^idiombench/support/")
        list(APPEND breaches
             "harness/support/${source} includes ${header}: the support library is below the harness")
      endif()
    endforeach()
  endforeach()
endif()

if(breaches)
  list(JOIN breaches "\n  " text)
  message(FATAL_ERROR "idiombench: the rooms are breached:\n  ${text}")
endif()
list(LENGTH sources count)
message(STATUS "idiombench: ${count} files of harness/src keep to their rooms")
