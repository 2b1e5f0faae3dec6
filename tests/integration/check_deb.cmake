# Runs `cpack -G DEB` in a scratch copy of the CPack configuration and checks
# that the package holds both executables and the desktop integration files.
set(work "${BINARY_DIR}/deb-check")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")
execute_process(
    COMMAND cpack -G DEB --config "${BINARY_DIR}/CPackConfig.cmake" -B "${work}"
    WORKING_DIRECTORY "${BINARY_DIR}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cpack failed (${result}):\n${output}")
endif()
file(GLOB debs "${work}/*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${work}, found ${count}:\n${output}")
endif()
execute_process(COMMAND dpkg-deb -c ${debs} OUTPUT_VARIABLE contents RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "dpkg-deb -c failed on ${debs}")
endif()
foreach(path
        "./usr/bin/crosstalk"
        "./usr/bin/crosstalk-cli"
        "./usr/share/applications/${APP_ID}.desktop"
        "./usr/share/metainfo/${APP_ID}.metainfo.xml"
        "./usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg")
    string(FIND "${contents}" "${path}\n" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the package lacks ${path}:\n${contents}")
    endif()
endforeach()
execute_process(COMMAND dpkg-deb -f ${debs} Depends OUTPUT_VARIABLE depends)
if(NOT depends MATCHES "libqt6widgets6")
    message(FATAL_ERROR "the package does not depend on Qt Widgets: ${depends}")
endif()
message(STATUS "${debs}: both executables, desktop file, metainfo and icon; Depends: ${depends}")
