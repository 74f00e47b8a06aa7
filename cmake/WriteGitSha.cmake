# Run at every build (a custom target), not at configure time: the commit a binary was
# built from, so a build folder configured long ago still records the right one.
#   cmake -DSOURCE_DIR=... -DOUTPUT=... -P WriteGitSha.cmake
# $IDIOMBENCH_GIT_SHA / $IDIOMBENCH_GIT_DATE, when set, win (a container build has no .git).
if(DEFINED ENV{IDIOMBENCH_GIT_SHA} AND NOT "$ENV{IDIOMBENCH_GIT_SHA}" STREQUAL "")
  set(sha "$ENV{IDIOMBENCH_GIT_SHA}")
  set(date "$ENV{IDIOMBENCH_GIT_DATE}")
else()
  execute_process(COMMAND git -C ${SOURCE_DIR} rev-parse HEAD OUTPUT_VARIABLE sha
                  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE failed)
  if(failed OR sha STREQUAL "")
    set(sha "unknown")
    set(date "")
  else()
    execute_process(COMMAND git -C ${SOURCE_DIR} status --porcelain --untracked-files=no
                    OUTPUT_VARIABLE dirty OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(NOT dirty STREQUAL "")
      string(APPEND sha "-dirty")
    endif()
    execute_process(COMMAND git -C ${SOURCE_DIR} log -1 --format=%cI HEAD OUTPUT_VARIABLE date
                    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  endif()
endif()
set(text "// Generated at build time by cmake/WriteGitSha.cmake.
#pragma once
namespace idiombench::build_info {
inline constexpr const char* git_sha = \"${sha}\";
inline constexpr const char* git_commit_date = \"${date}\";
}  // namespace idiombench::build_info
")
set(old "")
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
endif()
if(NOT old STREQUAL text)  # unchanged: no rebuild of what includes it
  file(WRITE ${OUTPUT} "${text}")
endif()
