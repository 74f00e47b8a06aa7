# `cmake --install BUILD [--prefix P]`: the runner and the io fixture in bin/, the report
# package in share/idiombench/python/ with an `idiombench-report` command beside them,
# README and LICENSE in share/doc/idiombench/.
include(GNUInstallDirs)

# Kokkos, libpython and the like may live outside the system's library path: keep the
# directories the build linked from in the installed binaries' RPATH.
# (The fixture only where the io suite is built: IDIOMBENCH_SUITES.)
set(installed_programs idiombench)
if(TARGET idiombench-http-fixture)
  list(APPEND installed_programs idiombench-http-fixture)
endif()
set_target_properties(${installed_programs} PROPERTIES INSTALL_RPATH_USE_LINK_PATH TRUE)
install(TARGETS ${installed_programs} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(report_dir ${CMAKE_INSTALL_DATADIR}/idiombench/python)
# VERSION and the schema are links in the source tree: installed as the files they name.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/reports/idiombench_report DESTINATION ${report_dir}
        PATTERN __pycache__ EXCLUDE PATTERN VERSION EXCLUDE PATTERN results.schema.json EXCLUDE)
install(FILES ${PROJECT_SOURCE_DIR}/VERSION ${PROJECT_SOURCE_DIR}/harness/schema/results.schema.json
        DESTINATION ${report_dir}/idiombench_report)
# The package, from the installed command's folder (bin/ under the prefix).
file(RELATIVE_PATH report_dir_relative ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}
     ${CMAKE_INSTALL_PREFIX}/${report_dir})
configure_file(${PROJECT_SOURCE_DIR}/cmake/idiombench-report.in
               ${PROJECT_BINARY_DIR}/idiombench-report @ONLY)
install(PROGRAMS ${PROJECT_BINARY_DIR}/idiombench-report DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
